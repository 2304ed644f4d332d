package org.taskforce.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Keeps a backend's rich error details on gRPC pass-through. When a backend answers an error
 * without messages (a trailers-only response), Spring Cloud Gateway's own filter re-sends only
 * {@code grpc-status} and {@code grpc-message} as trailers, dropping {@code
 * grpc-status-details-bin}, which carries the {@code google.rpc.Status} with ErrorInfo and field
 * violations. This filter runs after it and sends all three.
 */
public final class GrpcStatusDetailsTrailersFilter implements HttpHeadersFilter, Ordered {
  static final String STATUS = "grpc-status";
  static final String MESSAGE = "grpc-message";
  static final String DETAILS = "grpc-status-details-bin";

  @Override
  public HttpHeaders filter(HttpHeaders headers, ServerWebExchange exchange) {
    String status = headers.getFirst(STATUS);
    if (status == null || !Responses.isGrpc(exchange.getRequest())) {
      return headers;
    }
    String message = headers.getFirst(MESSAGE);
    String details = headers.getFirst(DETAILS);
    ServerHttpResponse response = exchange.getResponse();
    while (response instanceof ServerHttpResponseDecorator decorator) {
      response = decorator.getDelegate();
    }
    if (response instanceof AbstractServerHttpResponse native_
        && native_.getNativeResponse() instanceof HttpServerResponse netty) {
      netty.trailerHeaders(trailers -> {
        trailers.set(STATUS, status);
        if (message != null) {
          trailers.set(MESSAGE, message);
        }
        if (details != null) {
          trailers.set(DETAILS, details);
        }
      });
    }
    return headers;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }

  @Override
  public int getOrder() {
    return 1; // after GRPCResponseHeadersFilter (0), whose trailer consumer this one replaces
  }
}
