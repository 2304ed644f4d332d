package org.taskforce.gateway.web;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.taskforce.gateway.config.GatewayProperties;
import org.taskforce.gateway.transcoding.ApiDescriptors;
import org.taskforce.gateway.transcoding.BadRequestException;
import org.taskforce.gateway.transcoding.ErrorBodies;
import org.taskforce.gateway.transcoding.RequestTranscoder;
import org.taskforce.gateway.transcoding.RestRoute;
import org.taskforce.gateway.transcoding.RestRoutes;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Serves {@code /api/v1/**} by transcoding to the gRPC method its {@code google.api.http}
 * annotation names: JSON in, gRPC call to the owning backend with the caller's token and request
 * id, proto3 JSON out; a gRPC error becomes its HTTP code with the same reason and details. Reads
 * (GET) are retried once when the backend was unavailable; every call goes through the backend's
 * circuit breaker and has a deadline.
 */
public final class RestTranscodingHandler {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  /** The caller's stated purpose of the call, for the services' audit trails. */
  private static final Metadata.Key<String> PURPOSE =
      Metadata.Key.of("x-taskforce-purpose", Metadata.ASCII_STRING_MARSHALLER);

  private final RestRoutes routes;
  private final RequestTranscoder transcoder;
  private final GrpcBackends backends;
  private final BackendCircuitBreakers breakers;
  private final ErrorBodies errors;
  private final JsonFormat.Printer printer;
  private final GatewayProperties.Gateway settings;
  private final long maxBody;

  /**
   * @param maxBody the most a body may hold, in bytes: the codecs' in-memory limit ({@code
   *     spring.codec.max-in-memory-size}, 256 KiB by default), past which a body cannot be read
   */
  public RestTranscodingHandler(
      ApiDescriptors descriptors,
      RestRoutes routes,
      GrpcBackends backends,
      BackendCircuitBreakers breakers,
      ErrorBodies errors,
      GatewayProperties.Gateway settings,
      long maxBody) {
    this.maxBody = maxBody;
    this.routes = routes;
    this.transcoder = new RequestTranscoder(descriptors);
    this.backends = backends;
    this.breakers = breakers;
    this.errors = errors;
    this.settings = settings;
    this.printer = JsonFormat.printer().usingTypeRegistry(descriptors.typeRegistry());
  }

  public Mono<ServerResponse> handle(ServerRequest request) {
    String path = request.exchange().getRequest().getPath().value();
    var match = routes.match(request.method().name(), path);
    if (match.isEmpty()) {
      boolean otherMethod = routes.pathExists(path);
      return error(
          ErrorBodies.status(
              otherMethod ? Status.Code.UNIMPLEMENTED : Status.Code.NOT_FOUND,
              otherMethod ? "METHOD_NOT_ALLOWED" : "NO_SUCH_OPERATION",
              request.method().name()
                  + " "
                  + path
                  + (otherMethod ? " is not allowed" : " is not an operation of this API")),
          otherMethod ? 405 : 404,
          null);
    }
    RestRoute route = match.get().route();
    long declared = request.headers().contentLength().orElse(-1);
    if (declared > maxBody) {
      return tooLarge();
    }
    return request
        .bodyToMono(String.class)
        .defaultIfEmpty("")
        .flatMap(body -> {
          DynamicMessage grpcRequest =
              transcoder.transcode(match.get(), request.queryParams(), body);
          return call(route, grpcRequest, request);
        })
        .flatMap(this::ok)
        .onErrorResume(BadRequestException.class, e -> error(ErrorBodies.badRequest(e), 400, null))
        .onErrorResume(DataBufferLimitException.class, e -> tooLarge())
        .onErrorResume(StatusRuntimeException.class, this::fromGrpc)
        .onErrorResume(
            CallNotPermittedException.class,
            e ->
                error(
                    ErrorBodies.status(
                        Status.Code.UNAVAILABLE,
                        "BACKEND_CIRCUIT_OPEN",
                        backends.backendOf(route.method().getService().getFullName())
                            + " is not answering; retry shortly"),
                    503,
                    breakers.openFor()));
  }

  /** 413 with the JSON error body: the body is over what the gateway holds in memory. */
  private Mono<ServerResponse> tooLarge() {
    com.google.rpc.Status status =
        ErrorBodies.status(
            Status.Code.RESOURCE_EXHAUSTED,
            "REQUEST_TOO_LARGE",
            "the request body is over the gateway's limit of " + maxBody / 1024 + " KiB");
    return ServerResponse.status(413)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(errors.body(status, 413));
  }

  private Mono<DynamicMessage> call(
      RestRoute route, DynamicMessage message, ServerRequest request) {
    String backend = backends.backendOf(route.method().getService().getFullName());
    Metadata headers = new Metadata();
    String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      headers.put(AUTHORIZATION, authorization);
    }
    headers.put(REQUEST_ID, RequestIdFilter.of(request.exchange()));
    String purpose = request.headers().firstHeader("X-Taskforce-Purpose");
    if (purpose != null && purpose.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      headers.put(PURPOSE, purpose);
    }
    Mono<DynamicMessage> once =
        Mono.create(sink -> {
          ClientCall<DynamicMessage, DynamicMessage> call =
              backends
                  .channel(backend)
                  .newCall(
                      backends.method(route.method()),
                      CallOptions.DEFAULT.withDeadlineAfter(
                          settings.restTimeout().toMillis(), TimeUnit.MILLISECONDS));
          sink.onCancel(() -> call.cancel("the REST caller went away", null));
          ClientCalls.asyncUnaryCall(
              new HeaderAttachingCall<>(call, headers),
              message,
              new StreamObserver<>() {
                @Override
                public void onNext(DynamicMessage value) {
                  sink.success(value);
                }

                @Override
                public void onError(Throwable t) {
                  sink.error(t);
                }

                @Override
                public void onCompleted() {
                  sink.success();
                }
              });
        });
    Mono<DynamicMessage> guarded =
        once.transformDeferred(CircuitBreakerOperator.of(breakers.of(backend)));
    if (route.readOnly() && settings.readRetries() > 0) {
      guarded =
          guarded.retryWhen(
              Retry.backoff(settings.readRetries(), Duration.ofMillis(50))
                  .filter(e ->
                      e instanceof StatusRuntimeException s
                          && s.getStatus().getCode() == Status.Code.UNAVAILABLE)
                  .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }
    return guarded;
  }

  private Mono<ServerResponse> ok(DynamicMessage response) {
    try {
      return ServerResponse.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(printer.print(response));
    } catch (InvalidProtocolBufferException e) {
      return Mono.error(e);
    }
  }

  private Mono<ServerResponse> fromGrpc(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      status =
          com.google.rpc.Status.newBuilder()
              .setCode(e.getStatus().getCode().value())
              .setMessage(
                  e.getStatus().getDescription() == null
                      ? e.getStatus().getCode().name()
                      : e.getStatus().getDescription())
              .build();
    }
    return error(status, ErrorBodies.httpStatus(e.getStatus().getCode()), null);
  }

  private Mono<ServerResponse> error(
      com.google.rpc.Status status, int httpStatus, Duration retryAfter) {
    var response = ServerResponse.status(httpStatus).contentType(MediaType.APPLICATION_JSON);
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }
    return response.bodyValue(errors.body(status));
  }

  /** Adds the caller's headers when the call starts. */
  private static final class HeaderAttachingCall<Q, R>
      extends io.grpc.ForwardingClientCall.SimpleForwardingClientCall<Q, R> {
    private final Metadata extra;

    HeaderAttachingCall(ClientCall<Q, R> delegate, Metadata extra) {
      super(delegate);
      this.extra = extra;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      headers.merge(extra);
      super.start(listener, headers);
    }
  }
}
