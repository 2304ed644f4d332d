package org.taskforce.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * Limits calls without a bearer token — the realm's sign-in and token endpoints, the OpenAPI
 * description, the console before sign-in, and calls that will be refused for want of a token — per
 * client address, before the token check, so they cannot flood the gateway or Keycloak. Calls with
 * a bearer token are limited per user and agency after it ({@link RateLimitFilter}). Calls in a
 * signed-in console session (whatever their path) are limited here per session and per user instead
 * of per address, so people signed in behind one NAT address do not share one budget; a session
 * cookie counts only when it names a signed-in session, so making cookies up does not escape the
 * address limit.
 */
public final class AnonymousRateLimitFilter implements WebFilter, Ordered {
  private final RateLimiter addresses;
  private final RateLimiter users;
  private final boolean trustForwardedFor;
  private final ErrorBodies errors;

  public AnonymousRateLimitFilter(
      RateLimiter addresses, RateLimiter users, boolean trustForwardedFor, ErrorBodies errors) {
    this.addresses = addresses;
    this.users = users;
    this.trustForwardedFor = trustForwardedFor;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getPath().value().startsWith("/actuator/")
        || !Callers.anonymous(exchange)) {
      return chain.filter(exchange);
    }
    if (exchange.getRequest().getCookies().isEmpty()) {
      return byAddress(exchange, chain);
    }
    return Callers.signedInSession(exchange)
        .flatMap(console ->
            console.isPresent()
                ? RateLimitFilter.console(users, exchange, chain, console.get(), errors)
                : byAddress(exchange, chain));
  }

  private Mono<Void> byAddress(ServerWebExchange exchange, WebFilterChain chain) {
    String address = Callers.address(exchange, trustForwardedFor);
    exchange.getAttributes().put(RateLimitFilter.CALLER_ATTRIBUTE, address);
    return RateLimitFilter.take(addresses, address)
        .flatMap(wait -> RateLimitFilter.limitOrPass(exchange, chain, address, wait, errors));
  }

  @Override
  public int getOrder() {
    return -150; // before Spring Security's WebFilterChainProxy (-100)
  }
}
