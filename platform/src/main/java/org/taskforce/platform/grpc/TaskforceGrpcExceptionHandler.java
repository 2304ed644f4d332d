package org.taskforce.platform.grpc;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.grpc.StatusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;

/**
 * Turns whatever a gRPC service method throws into a status: {@link TaskforceException} with its
 * details, an unreachable database into UNAVAILABLE, and anything else into INTERNAL with the
 * request id (the stack trace goes to the log, never to the caller).
 */
public final class TaskforceGrpcExceptionHandler implements GrpcExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(TaskforceGrpcExceptionHandler.class);

  private final String domain;

  public TaskforceGrpcExceptionHandler(String domain) {
    this.domain = domain;
  }

  @Override
  public StatusException handleException(Throwable failure) {
    if (failure instanceof TaskforceException e) {
      if (e.kind() == ErrorKind.INTERNAL) {
        log.error("internal error [{}]", e.reason(), e);
      }
      return GrpcErrors.toStatusException(e, domain);
    }
    if (failure instanceof MongoTimeoutException || failure instanceof MongoSocketException) {
      log.warn("database unavailable: {}", failure.getMessage());
      return GrpcErrors.toStatusException(
          new TaskforceException(
              ErrorKind.UNAVAILABLE,
              "DATABASE_UNAVAILABLE",
              "the service's database is not reachable; retry shortly"),
          domain);
    }
    if (failure instanceof io.grpc.StatusRuntimeException
        || failure instanceof io.grpc.StatusException) {
      return null; // already a status: Spring gRPC passes it through unchanged
    }
    log.error("unexpected failure", failure);
    return GrpcErrors.toStatusException(
        new TaskforceException(
            ErrorKind.INTERNAL,
            "INTERNAL",
            "internal error; quote request id '"
                + CallerContext.requestId()
                + "' when reporting it"),
        domain);
  }
}
