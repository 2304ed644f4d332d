package org.taskforce.gateway.transcoding;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;

/**
 * REST errors that carry what the gRPC status carries: the HTTP code gRPC's mapping gives, and
 * {@code {"error": {"code", "status", "message", "details"}}} where {@code details} are the
 * status's {@code google.rpc} details in proto3 JSON (ErrorInfo reason and domain, BadRequest field
 * violations, RetryInfo...).
 */
public final class ErrorBodies {
  public static final String DOMAIN = "gateway.taskforce";
  private final JsonFormat.Printer printer;

  public ErrorBodies(ApiDescriptors descriptors) {
    this.printer = JsonFormat.printer().usingTypeRegistry(descriptors.typeRegistry());
  }

  /** HTTP status for a gRPC code (the mapping of google.rpc.Code). */
  public static int httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case CANCELLED -> 499;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
    };
  }

  /** The JSON body for a {@code google.rpc.Status}. */
  public String body(com.google.rpc.Status status) {
    return body(status, httpStatus(Status.fromCodeValue(status.getCode()).getCode()));
  }

  /** The JSON body for a {@code google.rpc.Status} answered with another HTTP code (413, 431). */
  public String body(com.google.rpc.Status status, int httpStatus) {
    Status.Code code = Status.fromCodeValue(status.getCode()).getCode();
    JsonObject error = new JsonObject();
    error.addProperty("code", httpStatus);
    error.addProperty("status", code.name());
    error.addProperty("message", status.getMessage());
    JsonArray details = new JsonArray();
    for (Any detail : status.getDetailsList()) {
      try {
        details.add(JsonParser.parseString(printer.print(detail)));
      } catch (InvalidProtocolBufferException e) {
        JsonObject unknown = new JsonObject();
        unknown.addProperty("@type", detail.getTypeUrl());
        details.add(unknown);
      }
    }
    error.add("details", details);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return root.toString();
  }

  /** A status made by the gateway itself, with an ErrorInfo reason. */
  public static com.google.rpc.Status status(Status.Code code, String reason, String message) {
    return com.google.rpc.Status.newBuilder()
        .setCode(code.value())
        .setMessage(message)
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN).build()))
        .build();
  }

  /** 400 for a request that cannot be transcoded, with its field violation. */
  public static com.google.rpc.Status badRequest(BadRequestException e) {
    return status(
            Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT", e.field() + ": " + e.getMessage())
        .toBuilder()
        .addDetails(
            Any.pack(
                BadRequest.newBuilder()
                    .addFieldViolations(
                        BadRequest.FieldViolation.newBuilder()
                            .setField(e.field())
                            .setDescription(e.getMessage()))
                    .build()))
        .build();
  }
}
