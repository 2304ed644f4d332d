package org.taskforce.platform.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.TaskforceException;

/**
 * The one mapping from {@link TaskforceException} to a rich gRPC status: {@code google.rpc.Status}
 * with an {@code ErrorInfo} (reason, domain, metadata) and, for bad input, a {@code BadRequest}
 * with one field violation per problem. Also reads those details back, for clients and tests.
 */
public final class GrpcErrors {
  private GrpcErrors() {}

  public static Status.Code code(ErrorKind kind) {
    return switch (kind) {
      case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
      case FAILED_PRECONDITION -> Status.Code.FAILED_PRECONDITION;
      case ABORTED -> Status.Code.ABORTED;
      case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
      case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
      case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
      case UNAVAILABLE -> Status.Code.UNAVAILABLE;
      case INTERNAL -> Status.Code.INTERNAL;
    };
  }

  /** The {@code google.rpc.Status} for an exception, with {@code domain} in its ErrorInfo. */
  public static com.google.rpc.Status toRpcStatus(TaskforceException e, String domain) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(code(e.kind()).value())
            .setMessage(e.getMessage() == null ? e.reason() : e.getMessage())
            .addDetails(
                Any.pack(
                    ErrorInfo.newBuilder()
                        .setReason(e.reason())
                        .setDomain(domain)
                        .putAllMetadata(e.metadata())
                        .build()));
    if (!e.violations().isEmpty()) {
      BadRequest.Builder badRequest = BadRequest.newBuilder();
      for (FieldViolation v : e.violations()) {
        badRequest.addFieldViolationsBuilder().setField(v.field()).setDescription(v.description());
      }
      status.addDetails(Any.pack(badRequest.build()));
    }
    return status.build();
  }

  public static StatusException toStatusException(TaskforceException e, String domain) {
    return StatusProto.toStatusException(toRpcStatus(e, domain));
  }

  /** As {@link #toStatusException(TaskforceException, String)}, naming the request id. */
  public static StatusException toStatusException(
      TaskforceException e, String domain, String requestId) {
    io.grpc.Metadata trailers = new io.grpc.Metadata();
    trailers.put(RequestIds.HEADER, requestId);
    return StatusProto.toStatusException(toRpcStatus(e, domain), trailers);
  }

  public static StatusRuntimeException toStatusRuntimeException(
      TaskforceException e, String domain) {
    return StatusProto.toStatusRuntimeException(toRpcStatus(e, domain));
  }

  /** The ErrorInfo a failed call carried, if any. */
  public static Optional<ErrorInfo> errorInfo(Throwable failure) {
    return detail(failure, ErrorInfo.class);
  }

  /** The BadRequest (field violations) a failed call carried, if any. */
  public static Optional<BadRequest> badRequest(Throwable failure) {
    return detail(failure, BadRequest.class);
  }

  private static <T extends com.google.protobuf.Message> Optional<T> detail(
      Throwable failure, Class<T> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(failure);
    if (status == null) {
      return Optional.empty();
    }
    for (Any any : status.getDetailsList()) {
      if (any.is(type)) {
        try {
          return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
