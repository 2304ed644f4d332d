package org.taskforce.gateway.web;

import io.grpc.Status;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Limits each caller — an agency, else a client, else an address — to a token bucket. Over the
 * limit: 429 with Retry-After for REST, RESOURCE_EXHAUSTED for gRPC. Runs after the token check, so
 * the caller's agency is known; health probes are not limited.
 */
public final class RateLimitFilter implements WebFilter, Ordered {
  public static final String CALLER_ATTRIBUTE = RateLimitFilter.class.getName() + ".caller";

  private final RateLimiter limiter;
  private final ErrorBodies errors;

  public RateLimitFilter(RateLimiter limiter, ErrorBodies errors) {
    this.limiter = limiter;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
      return chain.filter(exchange);
    }
    return Callers.key(exchange)
        .flatMap(caller -> {
          exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
          return take(caller).flatMap(wait -> limitOrPass(exchange, chain, caller, wait));
        });
  }

  private Mono<Duration> take(String caller) {
    if (limiter instanceof TokenBuckets) {
      return Mono.just(limiter.tryTake(caller)); // in memory: no I/O, stay on the event loop
    }
    return Mono.fromCallable(() -> limiter.tryTake(caller))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private Mono<Void> limitOrPass(
      ServerWebExchange exchange, WebFilterChain chain, String caller, Duration wait) {
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
