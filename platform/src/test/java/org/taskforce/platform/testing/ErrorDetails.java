package org.taskforce.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the rich error details of a refused call. */
public final class ErrorDetails {
  private ErrorDetails() {}

  /** How {@code call}, which must fail with a gRPC status, is refused. */
  public static StatusRuntimeException refusal(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("no error");
  }

  /** The field violations of {@code call}, which must be refused as {@code INVALID_ARGUMENT}. */
  public static Map<String, String> invalidArgument(Runnable call) {
    StatusRuntimeException e = refusal(call);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return violations(e);
  }

  public static Map<String, String> violations(StatusRuntimeException e) {
    Map<String, String> out = new LinkedHashMap<>();
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return out;
    }
    for (var any : status.getDetailsList()) {
      if (any.is(BadRequest.class)) {
        try {
          for (var v : any.unpack(BadRequest.class).getFieldViolationsList()) {
            out.put(v.getField(), v.getDescription());
          }
        } catch (com.google.protobuf.InvalidProtocolBufferException x) {
          throw new IllegalStateException(x);
        }
      }
    }
    return out;
  }

  public static String reason(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return "";
    }
    for (var any : status.getDetailsList()) {
      if (any.is(ErrorInfo.class)) {
        try {
          return any.unpack(ErrorInfo.class).getReason();
        } catch (com.google.protobuf.InvalidProtocolBufferException x) {
          throw new IllegalStateException(x);
        }
      }
    }
    return "";
  }
}
