package org.taskforce.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * Wraps a gRPC pass-through route in its backend's circuit breaker, and turns a backend that cannot
 * be reached into a clean gRPC UNAVAILABLE (with a retry hint) instead of an HTTP 5xx the client
 * would have to guess about. Status and trailers of answered calls pass through unchanged.
 */
public final class GrpcPassThroughFilter implements GatewayFilter {
  private static final Logger log = LoggerFactory.getLogger(GrpcPassThroughFilter.class);

  private final String backend;
  private final CircuitBreaker breaker;
  private final BackendCircuitBreakers breakers;
  private final ErrorBodies errors;

  public GrpcPassThroughFilter(
      String backend, BackendCircuitBreakers breakers, ErrorBodies errors) {
    this.backend = backend;
    this.breaker = breakers.of(backend);
    this.breakers = breakers;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return chain
        .filter(exchange)
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .onErrorResume(failure -> {
          if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
          }
          String reason =
              failure instanceof CallNotPermittedException
                  ? "BACKEND_CIRCUIT_OPEN"
                  : "BACKEND_UNREACHABLE";
          log.warn("{} for {}: {}", reason, backend, failure.toString());
          return Responses.error(
              exchange,
              errors,
              Status.Code.UNAVAILABLE,
              reason,
              backend + " is not answering; retry shortly",
              breakers.openFor());
        });
  }
}
