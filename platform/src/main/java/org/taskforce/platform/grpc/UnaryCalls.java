package org.taskforce.platform.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way our gRPC adapters answer a unary call, and bind a service's calls (unary, and the
 * server streams through {@code stream}) to the functions that answer them.
 */
public final class UnaryCalls {
  private UnaryCalls() {}

  /**
   * Sends {@code call}'s one response and completes; an exception goes to the service's exception
   * handler ({@link TaskforceGrpcExceptionHandler}), which turns it into a status.
   */
  public static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
    T response = call.get();
    observer.onNext(response);
    observer.onCompleted();
  }

  /**
   * A service whose unary methods are each routed to a function from request to response and
   * answered as {@link #answer} answers (a server stream is handed its observer): the binding a
   * generated {@code ImplBase} makes, without a method override per RPC.
   */
  public static Routes service(ServiceDescriptor descriptor) {
    return new Routes(ServerServiceDefinition.builder(descriptor));
  }

  /** The methods of a {@link #service} routed so far. */
  public static final class Routes {
    private final ServerServiceDefinition.Builder builder;

    private Routes(ServerServiceDefinition.Builder builder) {
      this.builder = builder;
    }

    /** Answers {@code method} with what {@code call} returns for the request. */
    public <Q, R> Routes route(MethodDescriptor<Q, R> method, Function<Q, R> call) {
      builder.addMethod(
          method,
          ServerCalls.<Q, R>asyncUnaryCall(
              (request, observer) -> answer(observer, () -> call.apply(request))));
      return this;
    }

    /** Hands {@code method}'s request and response stream to {@code call}, which answers it. */
    public <Q, R> Routes stream(
        MethodDescriptor<Q, R> method, BiConsumer<Q, StreamObserver<R>> call) {
      builder.addMethod(method, ServerCalls.<Q, R>asyncServerStreamingCall(call::accept));
      return this;
    }

    /** The service's definition; refused while a method of the service is not routed. */
    public ServerServiceDefinition build() {
      return builder.build();
    }
  }
}
