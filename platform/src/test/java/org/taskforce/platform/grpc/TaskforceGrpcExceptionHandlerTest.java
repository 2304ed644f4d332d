package org.taskforce.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import io.grpc.Status;
import io.grpc.StatusException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;

class TaskforceGrpcExceptionHandlerTest {
  private final TaskforceGrpcExceptionHandler handler =
      new TaskforceGrpcExceptionHandler("deconfliction-service.taskforce");

  @Test
  void badInput_becomesInvalidArgumentWithEveryFieldViolation() {
    Violations v = new Violations();
    v.add(
        "registration.selectors[0].phone.number",
        "phone \"555-01\" is not a valid number for region US");
    v.requireText("purpose", " ");
    TaskforceException e = TaskforceException.invalidArgument(v.list());

    StatusException status = handler.handleException(e);

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(GrpcErrors.errorInfo(status).orElseThrow().getReason())
        .isEqualTo("INVALID_ARGUMENT");
    assertThat(GrpcErrors.errorInfo(status).orElseThrow().getDomain())
        .isEqualTo("deconfliction-service.taskforce");
    var violations = GrpcErrors.badRequest(status).orElseThrow().getFieldViolationsList();
    assertThat(violations)
        .extracting(fv -> fv.getField() + ": " + fv.getDescription())
        .containsExactly(
            "registration.selectors[0].phone.number: phone \"555-01\" is not a valid number for region US",
            "purpose: is required");
  }

  @Test
  void staleEtag_becomesAbortedWithResourceMetadata() {
    StatusException status = handler.handleException(TaskforceException.staleEtag("case", "c-1"));

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    var info = GrpcErrors.errorInfo(status).orElseThrow();
    assertThat(info.getReason()).isEqualTo("STALE_ETAG");
    assertThat(info.getMetadataMap())
        .containsEntry("resource_type", "case")
        .containsEntry("id", "c-1");
    assertThat(GrpcErrors.badRequest(status)).isEmpty();
  }

  @Test
  void notFound_namesTheResource() {
    StatusException status = handler.handleException(TaskforceException.notFound("case", "c-9"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(GrpcErrors.errorInfo(status).orElseThrow().getReason()).isEqualTo("CASE_NOT_FOUND");
  }

  @Test
  void databaseTimeout_becomesUnavailable() {
    StatusException status = handler.handleException(new MongoTimeoutException("no server"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(GrpcErrors.errorInfo(status).orElseThrow().getReason())
        .isEqualTo("DATABASE_UNAVAILABLE");
  }

  @Test
  void unexpectedFailure_becomesInternalWithoutLeakingItsMessage() {
    StatusException status =
        handler.handleException(new IllegalStateException("victim Jane Doe, DOB 2009-01-01"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getStatus().getDescription()).doesNotContain("Jane").contains("request id");
  }

  @Test
  void existingStatus_isLeftToSpringGrpc() {
    assertThat(handler.handleException(Status.CANCELLED.asRuntimeException())).isNull();
  }

  @Test
  void reasonsMustBeUpperSnakeCase() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskforceException.permissionDenied("not allowed", "x"));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskforceException.invalidArgument(List.<FieldViolation>of()));
  }
}
