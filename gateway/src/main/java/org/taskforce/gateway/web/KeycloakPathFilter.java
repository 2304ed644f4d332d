package org.taskforce.gateway.web;

import io.grpc.Status;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * Answers 404 for every path under Keycloak's public prefixes ({@code /realms/}, {@code
 * /resources/}) that {@link KeycloakPaths} does not allow — another realm, the admin console's
 * files, a path with dot segments or encoded slashes — with or without a token, before the token
 * check and before any route could pass it on.
 */
public final class KeycloakPathFilter implements WebFilter, Ordered {
  private final KeycloakPaths paths;
  private final ErrorBodies errors;

  public KeycloakPathFilter(KeycloakPaths paths, ErrorBodies errors) {
    this.paths = paths;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String raw = exchange.getRequest().getURI().getRawPath();
    if (raw == null || !KeycloakPaths.isKeycloakPath(raw) || paths.allowed(raw)) {
      return chain.filter(exchange);
    }
    return Responses.error(
        exchange,
        errors,
        Status.Code.NOT_FOUND,
        "NO_SUCH_PATH",
        "only the realm '" + paths.realm() + "' is served here",
        null);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10; // after the request id, before Spring Security (-100)
  }
}
