package org.taskforce.gateway.console;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import org.taskforce.gateway.console.session.MongoSessionRepository;
import reactor.core.publisher.Mono;

/**
 * The realm's idle timeout, held by what the user does rather than by what the console does by
 * itself. A signed-in session keeps the time of its user's last activity; the event stream ({@code
 * /console/events}, reconnecting on its own) never moves it, and API calls move it only as far as
 * the console says its user last touched the page ({@link #IDLE_HEADER}: seconds since the last key
 * or pointer press; a call without it — a page load, a form — counts as activity now). A session
 * idle longer than the timeout ends on its next request, however often the stream reconnects or
 * refreshes its token: the gateway session is dropped and Keycloak's session ended over the back
 * channel (the stream's token refreshes would otherwise keep it alive, and signing in again would
 * not ask for a password). An open stream re-reads its session from the store ({@link #ended}), so
 * it ends at the same deadline, or when the user signed out, on whichever replica that happened.
 *
 * <p>The last activity is stored only when it moved by {@link #step} (a minute; 1/30 of a shorter
 * timeout), so a call a few seconds after another writes nothing; a session therefore ends between
 * {@code timeout - step} and {@code timeout} after its user's last activity (29 to 30 minutes).
 * Static files ({@code /assets/*}, the icon) are not activity and are passed on untouched.
 *
 * <p>Ending Keycloak's session with the console's is intended: the realm's SSO idle timeout is the
 * same 30 minutes, so Keycloak would end it by itself at about the same time were it not for the
 * stream's token refreshes, which count as activity at Keycloak; a user away from the desk longer
 * than the realm allows must type the password again, in the console as in any other client.
 */
final class ConsoleIdleSessions {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleIdleSessions.class);

  static final String IDLE_HEADER = "X-Console-Idle";
  static final String LAST_ACTIVITY = ConsoleIdleSessions.class.getName() + ".LAST_ACTIVITY";
  private static final String SECURITY_CONTEXT =
      WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

  /** Reconnects by themselves: never the user's doing. */
  private static final ServerWebExchangeMatcher BACKGROUND =
      ServerWebExchangeMatchers.pathMatchers(ConsoleRoutes.EVENTS);

  /** The same for everyone, cached for good: nothing to do with a session. */
  private static final ServerWebExchangeMatcher STATIC =
      ServerWebExchangeMatchers.pathMatchers(ConsoleRoutes.STATIC.toArray(String[]::new));

  private static final Duration MAX_STEP = Duration.ofMinutes(1);

  private final Duration timeout;
  private final long step;
  private final Clock clock;
  private final ServerOAuth2AuthorizedClientRepository authorizedClients;
  private final MongoSessionRepository sessions;
  private final WebClient keycloak;
  private final URI endSession;
  private final String clientId;
  private final String clientSecret;

  ConsoleIdleSessions(
      Duration timeout,
      Clock clock,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      MongoSessionRepository sessions,
      WebClient keycloak,
      URI issuer,
      String clientId,
      String clientSecret) {
    this.timeout = timeout;
    Duration step = timeout.dividedBy(30);
    this.step = (step.compareTo(MAX_STEP) > 0 ? MAX_STEP : step).toMillis();
    this.clock = clock;
    this.authorizedClients = authorizedClients;
    this.sessions = sessions;
    this.keycloak = keycloak;
    this.endSession = URI.create(issuer + "/protocol/openid-connect/logout");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * Whether a user last active at {@code last} has been idle longer than the timeout. A time more
   * than a minute ahead is not believed (a replica's clock far ahead, or a stored value no gateway
   * wrote): it would keep the session alive past every deadline, as it only rises; such a session
   * ends and its user signs in again.
   */
  private boolean idle(Long last) {
    long now = clock.millis();
    return last != null && (now - last > timeout.toMillis() || last - now > MAX_STEP.toMillis());
  }

  private boolean idle(WebSession session) {
    return idle(session.<Long>getAttribute(LAST_ACTIVITY));
  }

  /**
   * Whether the session has ended, as the store has it now (not this request's copy): signed out or
   * ended on any replica, expired, or its user idle past the timeout. A store that cannot be read
   * says no (the stream goes on; the next request decides).
   */
  Mono<Boolean> ended(WebSession session) {
    return sessions
        .risingAttributes(session.getId())
        .map(stored -> idle(stored.get(LAST_ACTIVITY)))
        .defaultIfEmpty(true)
        .onErrorResume(e -> {
          LOG.warn("console session store not readable: {}", e.toString());
          return Mono.just(false);
        });
  }

  /** In the console's security chain only (a {@code WebFilter} bean would run for every call). */
  WebFilter filter() {
    return this::filter;
  }

  private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return STATIC
        .matches(exchange)
        .flatMap(match -> match.isMatch() ? chain.filter(exchange) : timed(exchange, chain));
  }

  private Mono<Void> timed(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange
        .getSession()
        .flatMap(session -> {
          SecurityContext context = session.getAttribute(SECURITY_CONTEXT);
          if (context == null || context.getAuthentication() == null) {
            return Mono.empty(); // not signed in: nothing to time
          }
          if (idle(session)) {
            return end(exchange, session, context.getAuthentication());
          }
          return BACKGROUND
              .matches(exchange)
              .doOnNext(background -> {
                if (!background.isMatch()) {
                  touch(exchange, session);
                } else if (session.getAttribute(LAST_ACTIVITY) == null) {
                  session.getAttributes().put(LAST_ACTIVITY, clock.millis());
                }
              })
              .then();
        })
        .then(Mono.defer(() -> chain.filter(exchange)));
  }

  private void touch(ServerWebExchange exchange, WebSession session) {
    long now = clock.millis();
    long activity = now;
    String reported = exchange.getRequest().getHeaders().getFirst(IDLE_HEADER);
    if (reported != null) {
      try {
        activity = now - Math.max(0, Math.min(Long.parseLong(reported.strip()), 86_400L)) * 1000;
      } catch (NumberFormatException e) {
        return; // says it is the console's but not how idle: not activity
      }
    }
    // Only forwards, and by a step at least (else nothing is written); the store keeps the latest
    // of all copies (a rising attribute, written with $max), so a concurrent call from an idle tab
    // cannot move it back.
    Long was = session.getAttribute(LAST_ACTIVITY);
    if (was == null || activity - was >= step) {
      session.getAttributes().put(LAST_ACTIVITY, activity);
    }
  }

  /** Ends Keycloak's session (best effort), then the gateway's: this request goes on signed out. */
  private Mono<Void> end(ServerWebExchange exchange, WebSession session, Authentication user) {
    Mono<Void> keycloakSession =
        authorizedClients
            .<OAuth2AuthorizedClient>loadAuthorizedClient(
                ConsoleRoutes.REGISTRATION_ID, user, exchange)
            .mapNotNull(OAuth2AuthorizedClient::getRefreshToken)
            .map(OAuth2RefreshToken::getTokenValue)
            .flatMap(refreshToken ->
                keycloak
                    .post()
                    .uri(endSession)
                    .headers(h -> h.setBasicAuth(clientId, clientSecret))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(
                        BodyInserters.fromFormData("client_id", clientId)
                            .with("refresh_token", refreshToken))
                    .retrieve()
                    .toBodilessEntity()
                    .timeout(Duration.ofSeconds(5))
                    .then())
            .onErrorResume(e -> {
              // The gateway's session still ends; Keycloak's idles out by itself.
              LOG.warn("ending an idle console session at Keycloak failed: {}", e.toString());
              return Mono.empty();
            });
    // Only after the refresh token was read: the sign-in leaves this request's copy at once (the
    // rest of the chain sees a signed-out user) and the store (every replica).
    return keycloakSession
        .then(
            Mono.defer(() -> {
              session.getAttributes().clear();
              return session.invalidate();
            }))
        .doOnSuccess(done -> LOG.info("console session ended after {} without activity", timeout));
  }
}
