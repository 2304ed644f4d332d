package org.taskforce.notifications.adapter.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.taskforce.notifications.application.port.EndpointGuard;

/**
 * A Resilience4j circuit breaker per webhook endpoint (created on first use, kept per replica):
 * open once {@code failureRate} % of at least {@code minimumCalls} calls failed, for {@code
 * openFor}; then one trial call decides.
 */
public final class CircuitBreakerGuard implements EndpointGuard {
  /** When a breaker opens and for how long. */
  public record Settings(float failureRate, int minimumCalls, Duration openFor) {}

  private final CircuitBreakerConfig config;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  public CircuitBreakerGuard(Settings settings) {
    this.config =
        CircuitBreakerConfig.custom()
            .slidingWindowSize(Math.max(settings.minimumCalls(), 10))
            .minimumNumberOfCalls(settings.minimumCalls())
            .failureRateThreshold(settings.failureRate())
            .waitDurationInOpenState(settings.openFor())
            .permittedNumberOfCallsInHalfOpenState(1)
            .build();
  }

  @Override
  public boolean tryEnter(String endpointId) {
    return breaker(endpointId).tryAcquirePermission();
  }

  @Override
  public void release(String endpointId) {
    breaker(endpointId).releasePermission();
  }

  @Override
  public void succeeded(String endpointId, long millis) {
    breaker(endpointId).onSuccess(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void failed(String endpointId, long millis, String why) {
    breaker(endpointId).onError(millis, TimeUnit.MILLISECONDS, new IllegalStateException(why));
  }

  @Override
  public boolean isHoldingBack(String endpointId) {
    CircuitBreaker.State state = breaker(endpointId).getState();
    return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN;
  }

  /** The breaker of one endpoint (created on first use). */
  public CircuitBreaker breaker(String endpointId) {
    return breakers.computeIfAbsent(endpointId, id -> CircuitBreaker.of("webhook-" + id, config));
  }
}
