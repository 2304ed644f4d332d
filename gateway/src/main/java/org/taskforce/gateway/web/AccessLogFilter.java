package org.taskforce.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request: method, path (never the query, which may hold search text), status, gRPC
 * status where there is one, duration, caller and request id. Never headers or bodies, so no token
 * or personal data reaches the log.
 */
public final class AccessLogFilter implements WebFilter, Ordered {
  private static final Logger log = LoggerFactory.getLogger("taskforce.gateway.access");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long start = System.nanoTime();
    return chain
        .filter(exchange)
        .doFinally(signal -> {
          var response = exchange.getResponse();
          String grpcStatus = response.getHeaders().getFirst("grpc-status");
          log.info(
              "{} {} status={}{} durationMs={} caller={} requestId={}",
              exchange.getRequest().getMethod(),
              exchange.getRequest().getPath().value(),
              response.getStatusCode() == null ? "-" : response.getStatusCode().value(),
              grpcStatus == null ? "" : " grpcStatus=" + grpcStatus,
              (System.nanoTime() - start) / 1_000_000,
              exchange.getAttributeOrDefault(RateLimitFilter.CALLER_ATTRIBUTE, "-"),
              RequestIdFilter.of(exchange));
        });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
