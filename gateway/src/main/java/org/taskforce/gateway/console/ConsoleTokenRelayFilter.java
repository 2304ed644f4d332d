package org.taskforce.gateway.console;

import io.grpc.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * What Spring Cloud Gateway's {@code TokenRelay} filter does, for the REST API (a router function,
 * not a gateway route): a signed-in console user's call to {@code /api/v1} goes on with {@code
 * Authorization: Bearer <the user's access token>}, refreshed first when it has expired. When it
 * can no longer be refreshed (the Keycloak session ended) the call is refused and the session
 * ended, so the console sends the user to sign in again; when Keycloak cannot be reached the call
 * is refused with 503 (UNAVAILABLE, Retry-After) and the session kept.
 */
final class ConsoleTokenRelayFilter implements WebFilter {
  private static final ServerWebExchangeMatcher API =
      new PathPatternParserServerWebExchangeMatcher(ConsoleRoutes.API);

  private final ReactiveOAuth2AuthorizedClientManager clients;
  private final ErrorBodies errors;

  ConsoleTokenRelayFilter(ReactiveOAuth2AuthorizedClientManager clients, ErrorBodies errors) {
    this.clients = clients;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return API.matches(exchange)
        .flatMap(match ->
            match.isMatch()
                ? relay(exchange, chain)
                : chain.filter(exchange).then(Mono.<Void>empty()))
        .then();
  }

  private Mono<Void> relay(ServerWebExchange exchange, WebFilterChain chain) {
    return accessToken(clients, exchange)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(token ->
            token.isPresent()
                ? chain.filter(
                    exchange
                        .mutate()
                        .request(r -> r.headers(h -> h.setBearerAuth(token.get())))
                        .build())
                : exchange
                    .getSession()
                    .flatMap(session -> session.invalidate())
                    .then(
                        unauthenticated(
                            exchange,
                            errors,
                            "SESSION_ENDED",
                            "your sign-in has ended; sign in again")))
        .onErrorResume(
            IdentityProviderUnavailable.class, e -> unavailable(exchange.getResponse(), errors));
  }

  /**
   * The signed-in user's access token, refreshed if needed; empty when it cannot be had (Keycloak
   * no longer honours the session). Fails with {@link IdentityProviderUnavailable} when Keycloak
   * cannot be asked: a passing outage, not the end of the sign-in.
   */
  static Mono<String> accessToken(
      ReactiveOAuth2AuthorizedClientManager clients, ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .filter(OAuth2AuthenticationToken.class::isInstance)
        .cast(OAuth2AuthenticationToken.class)
        .flatMap(user ->
            clients.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(
                        user.getAuthorizedClientRegistrationId())
                    .principal(user)
                    .attribute(ServerWebExchange.class.getName(), exchange)
                    .build()))
        .map(client -> client.getAccessToken().getTokenValue())
        .onErrorResume(
            ClientAuthorizationException.class,
            e -> unreachable(e) ? Mono.error(new IdentityProviderUnavailable(e)) : Mono.empty())
        .onErrorMap(
            e -> !(e instanceof IdentityProviderUnavailable), IdentityProviderUnavailable::new);
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof WebClientRequestException) {
        return true;
      }
    }
    return false;
  }

  /** Keycloak could not be asked for the user's token (unreachable, reset): try again shortly. */
  static final class IdentityProviderUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IdentityProviderUnavailable(Throwable cause) {
      super("the sign-in service could not be reached", cause);
    }
  }

  private static final String UNAVAILABLE_REASON = "SIGN_IN_UNAVAILABLE";
  private static final String UNAVAILABLE_MESSAGE =
      "the sign-in service cannot be reached; try again shortly";
  private static final String RETRY_AFTER_SECONDS = "5";

  static byte[] unavailableBody(ErrorBodies errors) {
    return errors
        .body(ErrorBodies.status(Status.Code.UNAVAILABLE, UNAVAILABLE_REASON, UNAVAILABLE_MESSAGE))
        .getBytes(StandardCharsets.UTF_8);
  }

  static Mono<Void> unavailable(ServerHttpResponse response, ErrorBodies errors) {
    response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(unavailableBody(errors))));
  }

  /** The same refusal, for the console's own handlers ({@code /console/me}, the event stream). */
  static Mono<ServerResponse> unavailable(ErrorBodies errors) {
    return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .bodyValue(unavailableBody(errors));
  }

  static Mono<Void> unauthenticated(
      ServerWebExchange exchange, ErrorBodies errors, String reason, String message) {
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    byte[] body =
        errors
            .body(ErrorBodies.status(Status.Code.UNAUTHENTICATED, reason, message))
            .getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
