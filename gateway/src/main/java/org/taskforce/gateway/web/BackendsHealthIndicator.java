package org.taskforce.gateway.web;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.taskforce.gateway.config.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reports each gRPC backend's own health and its circuit breaker in {@code /actuator/health}, so
 * operators see which service is down. It is not part of readiness on purpose: one failing backend
 * must not take the gateway out of rotation for the others' callers.
 */
public final class BackendsHealthIndicator implements ReactiveHealthIndicator {
  private final GrpcBackends backends;
  private final BackendCircuitBreakers breakers;
  private final Iterable<String> names;

  public BackendsHealthIndicator(
      GatewayProperties properties, GrpcBackends backends, BackendCircuitBreakers breakers) {
    this.backends = backends;
    this.breakers = breakers;
    this.names = properties.gateway().services().values().stream().distinct().sorted().toList();
  }

  @Override
  public Mono<Health> health() {
    return Flux.fromIterable(names)
        .flatMap(name -> check(name).map(status -> Map.entry(name, status)))
        .collectList()
        .map(entries -> {
          Map<String, Object> details = new LinkedHashMap<>();
          boolean allServing = true;
          for (var e : entries) {
            details.put(e.getKey(), e.getValue());
            allServing &= e.getValue().startsWith("SERVING");
          }
          return (allServing ? Health.up() : Health.status("DEGRADED"))
              .withDetails(details)
              .build();
        });
  }

  private Mono<String> check(String backend) {
    String breaker = " (breaker " + breakers.of(backend).getState() + ")";
    return Mono.fromCallable(() ->
            HealthGrpc.newBlockingStub(backends.channel(backend))
                .withDeadlineAfter(2, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus())
        .subscribeOn(Schedulers.boundedElastic())
        .map(HealthCheckResponse.ServingStatus::name)
        .onErrorResume(e -> Mono.just("UNREACHABLE: " + e.getMessage()))
        .map(s -> s + breaker);
  }
}
