package org.taskforce.gateway.web;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import org.taskforce.gateway.config.GatewayProperties;

/**
 * One Resilience4j circuit breaker per backend, shared by gRPC pass-through and REST calls: when a
 * backend keeps failing, its callers get UNAVAILABLE at once instead of waiting, while the other
 * backends' callers notice nothing. Only failures of the backend count — unreachable, timed out,
 * unavailable — not answers such as NOT_FOUND or INVALID_ARGUMENT.
 */
public final class BackendCircuitBreakers {
  private static final Set<Status.Code> BACKEND_FAILURES =
      Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.UNKNOWN);

  private final CircuitBreakerRegistry registry;
  private final GatewayProperties.CircuitBreaker settings;

  public BackendCircuitBreakers(GatewayProperties.CircuitBreaker settings) {
    this.settings = settings;
    this.registry =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(settings.slidingWindow())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(BackendCircuitBreakers::isBackendFailure)
                .build());
  }

  public CircuitBreaker of(String backend) {
    return registry.circuitBreaker(backend);
  }

  public java.time.Duration openFor() {
    return settings.openFor();
  }

  static boolean isBackendFailure(Throwable failure) {
    if (failure instanceof StatusRuntimeException e) {
      return BACKEND_FAILURES.contains(e.getStatus().getCode());
    }
    return true; // connection refused, reset, timeouts of the proxy
  }
}
