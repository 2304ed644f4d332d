package org.taskforce.platform.testing;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the rich error details of a refused call. */
public final class ErrorDetails {
  private ErrorDetails() {}

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
