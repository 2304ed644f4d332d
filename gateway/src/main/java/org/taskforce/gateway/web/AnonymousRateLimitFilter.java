package org.taskforce.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * Limits calls without a bearer token — the realm's sign-in and token endpoints, the OpenAPI
 * description, and calls that will be refused for want of a token — per client address, before the
 * token check, so they cannot flood the gateway or Keycloak. Calls with a bearer token are limited
 * per user and agency after it ({@link RateLimitFilter}).
 */
public final class AnonymousRateLimitFilter implements WebFilter, Ordered {
  private final RateLimiter addresses;
  private final boolean trustForwardedFor;
  private final ErrorBodies errors;

  public AnonymousRateLimitFilter(
      RateLimiter addresses, boolean trustForwardedFor, ErrorBodies errors) {
    this.addresses = addresses;
    this.trustForwardedFor = trustForwardedFor;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getPath().value().startsWith("/actuator/")
        || !Callers.anonymous(exchange)) {
      return chain.filter(exchange);
    }
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
