package org.taskforce.gateway.web;

import io.grpc.Status;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * The gateway's own limits on a request's head, answered with the JSON error body (a gRPC caller
 * gets {@code RESOURCE_EXHAUSTED}): headers over {@code maxHeaderBytes} are 431, a URI over {@code
 * maxUriLength} is 414. Netty's own limits ({@code server.max-http-request-header-size}, {@code
 * server.netty.max-initial-line-length}) sit far above these, so Netty hands such requests on
 * instead of answering with a bare status itself — or, over HTTP/2 with a header block over 1.25
 * times its limit, ending the whole connection with GOAWAY.
 *
 * <p>Headers are counted as HTTP/2 counts SETTINGS_MAX_HEADER_LIST_SIZE: name, value and 32 bytes
 * per field.
 */
public final class RequestHeadLimitFilter implements WebFilter, Ordered {
  private final long maxHeaderBytes;
  private final int maxUriLength;
  private final ErrorBodies errors;

  public RequestHeadLimitFilter(long maxHeaderBytes, int maxUriLength, ErrorBodies errors) {
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxUriLength = maxUriLength;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (request.getURI().getRawPath().length()
            + (request.getURI().getRawQuery() == null
                ? 0
                : request.getURI().getRawQuery().length() + 1)
        > maxUriLength) {
      return refuse(
          exchange,
          414,
          "URI_TOO_LONG",
          "the URI is over the gateway's limit of " + maxUriLength + " characters");
    }
    long size = 0;
    for (Map.Entry<String, List<String>> h : request.getHeaders().headerSet()) {
      for (String value : h.getValue()) {
        size += h.getKey().length() + value.length() + 32;
      }
    }
    if (size > maxHeaderBytes) {
      return refuse(
          exchange,
          431,
          "HEADERS_TOO_LARGE",
          "the request's headers are over the gateway's limit of "
              + maxHeaderBytes / 1024
              + " KiB");
    }
    return chain.filter(exchange);
  }

  private Mono<Void> refuse(ServerWebExchange exchange, int http, String reason, String message) {
    if (Responses.isGrpc(exchange.getRequest())) {
      return Responses.error(
          exchange, errors, Status.Code.RESOURCE_EXHAUSTED, reason, message, null);
    }
    return Responses.json(
        exchange.getResponse(),
        http,
        errors.body(ErrorBodies.status(Status.Code.RESOURCE_EXHAUSTED, reason, message), http));
  }

  /** Right after {@link RequestIdFilter}, so the refusal carries the request id. */
  @Override
  public int getOrder() {
    // After the request id (+0) and the access log (+1), so a refusal is logged with its id.
    return Ordered.HIGHEST_PRECEDENCE + 2;
  }
}
