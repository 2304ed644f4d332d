package org.taskforce.gateway.web;

import io.grpc.Status;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * Answers the gateway gives itself (refusals, limits, an unreachable backend) in the caller's
 * protocol: a gRPC caller gets a trailers-only response with {@code grpc-status}, so its client
 * sees the right status code; a REST caller gets the HTTP code and the JSON error body.
 */
public final class Responses {
  private Responses() {}

  public static boolean isGrpc(ServerHttpRequest request) {
    MediaType type = request.getHeaders().getContentType();
    return type != null
        && type.getType().equals("application")
        && type.getSubtype().startsWith("grpc");
  }

  /** Writes a gateway-made error; {@code retryAfter} adds a Retry-After hint when not null. */
  public static Mono<Void> error(
      ServerWebExchange exchange,
      ErrorBodies bodies,
      Status.Code code,
      String reason,
      String message,
      Duration retryAfter) {
    ServerHttpResponse response = exchange.getResponse();
    if (retryAfter != null) {
      response
          .getHeaders()
          .set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }
    if (isGrpc(exchange.getRequest())) {
      response.setStatusCode(HttpStatus.OK);
      response.getHeaders().setContentType(MediaType.parseMediaType("application/grpc"));
      response.getHeaders().set("grpc-status", String.valueOf(code.value()));
      response.getHeaders().set("grpc-message", percentEncode(reason + ": " + message));
      return response.setComplete();
    }
    return json(
        response,
        ErrorBodies.httpStatus(code),
        bodies.body(ErrorBodies.status(code, reason, message)));
  }

  public static Mono<Void> json(ServerHttpResponse response, int status, String json) {
    response.setRawStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }

  /** grpc-message is percent-encoded UTF-8 (gRPC over HTTP/2 spec). */
  static String percentEncode(String message) {
    return URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
