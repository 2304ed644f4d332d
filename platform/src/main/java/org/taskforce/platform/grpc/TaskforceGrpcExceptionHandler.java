package org.taskforce.platform.grpc;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.grpc.StatusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;

/**
 * Turns whatever a gRPC service method throws into a status: {@link TaskforceException} with its
 * details, an unreachable database into UNAVAILABLE, and anything else into INTERNAL with the
 * request id (the stack trace goes to the log with the same id, never to the caller). Every status
 * it makes carries the request id in its trailers ({@code x-request-id}), also for a direct call
 * that came without one.
 */
public final class TaskforceGrpcExceptionHandler implements GrpcExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(TaskforceGrpcExceptionHandler.class);

  private final String domain;

  public TaskforceGrpcExceptionHandler(String domain) {
    this.domain = domain;
  }

  @Override
  public StatusException handleException(Throwable failure) {
    if (failure instanceof io.grpc.StatusRuntimeException
        || failure instanceof io.grpc.StatusException) {
      return null; // already a status: Spring gRPC passes it through unchanged
    }
    // The call's context is gone here: the id comes with the failure, else from the context (a
    // direct use), else it is made now so that the answer and the log line still share one.
    String requestId =
        RequestIds.attachedTo(failure)
            .orElseGet(() ->
                CallerContext.requestId().isEmpty()
                    ? RequestIds.newId()
                    : CallerContext.requestId());
    MDC.put("requestId", requestId);
    try {
      return GrpcErrors.toStatusException(toTaskforce(failure, requestId), domain, requestId);
    } finally {
      MDC.remove("requestId");
    }
  }

  private TaskforceException toTaskforce(Throwable failure, String requestId) {
    if (failure instanceof TaskforceException e) {
      if (e.kind() == ErrorKind.INTERNAL) {
        log.error("internal error [{}] requestId={}", e.reason(), requestId, e);
      }
      return e;
    }
    if (failure instanceof MongoTimeoutException || failure instanceof MongoSocketException) {
      log.warn("database unavailable requestId={}: {}", requestId, failure.getMessage());
      return new TaskforceException(
          ErrorKind.UNAVAILABLE,
          "DATABASE_UNAVAILABLE",
          "the service's database is not reachable; retry shortly");
    }
    log.error("unexpected failure requestId={}", requestId, failure);
    return new TaskforceException(
        ErrorKind.INTERNAL,
        "INTERNAL",
        "internal error; quote request id '" + requestId + "' when reporting it");
  }
}
