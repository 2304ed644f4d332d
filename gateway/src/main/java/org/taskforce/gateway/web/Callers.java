package org.taskforce.gateway.web;

import java.security.Principal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Who is calling, as far as the gateway needs it: for limits and the access log. */
final class Callers {
  private Callers() {}

  /** {@code agency:<id>}, else {@code client:<azp>}, else {@code address:<ip>}. */
  static Mono<String> key(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .map(Callers::fromPrincipal)
        .defaultIfEmpty("address:" + address(exchange));
  }

  private static String fromPrincipal(Principal principal) {
    if (principal instanceof JwtAuthenticationToken jwt) {
      String agency = jwt.getToken().getClaimAsString("agency");
      if (agency != null && !agency.isBlank()) {
        return "agency:" + agency;
      }
      String client = jwt.getToken().getClaimAsString("azp");
      if (client != null) {
        return "client:" + client;
      }
    }
    return "subject:" + principal.getName();
  }

  private static String address(ServerWebExchange exchange) {
    var remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
