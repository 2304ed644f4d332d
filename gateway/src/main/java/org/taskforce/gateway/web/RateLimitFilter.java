package org.taskforce.gateway.web;

import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Limits each authenticated caller twice: its user (token subject) to a token bucket of its own, so
 * one user's script cannot spend their colleagues' budget, and its agency (else its client) to the
 * agency's bucket. A signed-in console user is limited per session and per user, both with the
 * user's rate (the console's pages, files and API calls; its tokens stay in the session). Over
 * either: 429 with Retry-After for REST, RESOURCE_EXHAUSTED for gRPC. Runs after the token check;
 * calls without a bearer token are limited per address before it ({@link
 * AnonymousRateLimitFilter}). Health probes are not limited.
 */
public final class RateLimitFilter implements WebFilter, Ordered {
  public static final String CALLER_ATTRIBUTE = RateLimitFilter.class.getName() + ".caller";
  private static final String LIMITED_ATTRIBUTE = RateLimitFilter.class.getName() + ".limited";

  private final RateLimiter users;
  private final RateLimiter groups;
  private final ErrorBodies errors;

  public RateLimitFilter(RateLimiter users, RateLimiter groups, ErrorBodies errors) {
    this.users = users;
    this.groups = groups;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getPath().value().startsWith("/actuator/")
        || exchange.getAttribute(LIMITED_ATTRIBUTE) != null) {
      return chain.filter(exchange); // a signed-in console session's, counted before the chain
    }
    return exchange
        .getPrincipal()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(principal -> {
          if (principal.isEmpty()) {
            return chain.filter(exchange); // limited by address before the token check
          }
          if (principal.get() instanceof OAuth2AuthenticationToken user) {
            return exchange
                .getSession()
                .flatMap(session ->
                    console(
                        users, exchange, chain, Callers.console(user, session.getId()), errors));
          }
          Callers.Keys keys = Callers.of(principal.get());
          exchange.getAttributes().put(CALLER_ATTRIBUTE, keys.toString());
          return take(users, keys.user())
              .flatMap(userWait ->
                  userWait.isZero()
                      ? take(groups, keys.group())
                          .flatMap(wait -> limitOrPass(exchange, chain, keys.group(), wait, errors))
                      : limitOrPass(exchange, chain, keys.user(), userWait, errors));
        });
  }

  /** A console session's call: its session's bucket, then its user's (both at the user rate). */
  static Mono<Void> console(
      RateLimiter users,
      ServerWebExchange exchange,
      WebFilterChain chain,
      Callers.Keys keys,
      ErrorBodies errors) {
    exchange.getAttributes().put(CALLER_ATTRIBUTE, keys.toString());
    exchange.getAttributes().put(LIMITED_ATTRIBUTE, Boolean.TRUE);
    return take(users, keys.group())
        .flatMap(sessionWait ->
            sessionWait.isZero()
                ? take(users, keys.user())
                    .flatMap(wait -> limitOrPass(exchange, chain, keys.user(), wait, errors))
                : limitOrPass(exchange, chain, keys.group(), sessionWait, errors));
  }

  static Mono<Duration> take(RateLimiter limiter, String caller) {
    if (limiter instanceof TokenBuckets) {
      return Mono.just(limiter.tryTake(caller)); // in memory: no I/O, stay on the event loop
    }
    return Mono.fromCallable(() -> limiter.tryTake(caller))
        .subscribeOn(Schedulers.boundedElastic());
  }

  static Mono<Void> limitOrPass(
      ServerWebExchange exchange,
      WebFilterChain chain,
      String caller,
      Duration wait,
      ErrorBodies errors) {
    if (wait.isZero()) {
      return chain.filter(exchange);
    }
    return Responses.error(
        exchange,
        errors,
        Status.Code.RESOURCE_EXHAUSTED,
        "RATE_LIMITED",
        "too many requests from " + caller + "; retry in " + Math.max(1, wait.toSeconds()) + " s",
        wait);
  }

  @Override
  public int getOrder() {
    return 0; // after Spring Security's WebFilterChainProxy (-100)
  }
}
