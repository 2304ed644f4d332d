package org.taskforce.gateway.console;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
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
 * ended, so the console sends the user to sign in again.
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
        .flatMap(token ->
            chain.filter(
                exchange.mutate().request(r -> r.headers(h -> h.setBearerAuth(token))).build()))
        .switchIfEmpty(
            Mono.defer(() ->
                exchange
                    .getSession()
                    .flatMap(session -> session.invalidate())
                    .then(
                        unauthenticated(
                            exchange,
                            errors,
                            "SESSION_ENDED",
                            "your sign-in has ended; sign in again"))));
  }

  /** The signed-in user's access token, refreshed if needed; empty when it cannot be had. */
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
        .onErrorResume(ClientAuthorizationException.class, e -> Mono.empty());
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
