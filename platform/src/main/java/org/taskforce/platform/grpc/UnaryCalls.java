package org.taskforce.platform.grpc;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** The one way our gRPC adapters answer a unary call. */
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
}
