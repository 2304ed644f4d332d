package org.taskforce.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.TaskforceException;

class ProtoTimesAndErrorSizeTest {

  @Test
  void timesOutsideTheirContract_areRefusedOnTheField() {
    for (Timestamp bad :
        new Timestamp[] {
          Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build(),
          Timestamp.newBuilder().setSeconds(253_402_300_800L).build(),
          Timestamp.newBuilder().setSeconds(-62_135_596_801L).build(),
          Timestamp.newBuilder().setSeconds(1).setNanos(-1).build(),
          Timestamp.newBuilder().setSeconds(1).setNanos(1_000_000_000).build()
        }) {
      TaskforceException refused =
          catchThrowableOfType(
              TaskforceException.class, () -> ProtoTimes.instant(bad, "window.start_time"));
      assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
      assertThat(refused.violations())
          .extracting(FieldViolation::field)
          .containsExactly("window.start_time");
    }
    assertThat(ProtoTimes.instant(Timestamp.newBuilder().setSeconds(1_800_000_000L).build(), "t"))
        .isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    for (Duration bad :
        new Duration[] {
          Duration.newBuilder().setSeconds(5).setNanos(-3).build(),
          Duration.newBuilder().setSeconds(Long.MIN_VALUE).build(),
          Duration.newBuilder().setSeconds(Long.MAX_VALUE).build(),
          Duration.newBuilder().setNanos(Integer.MIN_VALUE).build()
        }) {
      assertThat(
              catchThrowableOfType(
                  TaskforceException.class, () -> ProtoTimes.duration(bad, "interval")))
          .as(bad.toString())
          .isNotNull();
    }
  }

  @Test
  void aRequestWithHundredsOfViolations_answersWithAFewAndTheCount_withinTrailerLimits() {
    TaskforceException many =
        TaskforceException.invalidArgument(
            IntStream.range(0, 600)
                .mapToObj(
                    i -> new FieldViolation("selectors[" + i + "].phone.number", "x".repeat(500)))
                .toList());

    com.google.rpc.Status status = GrpcErrors.toRpcStatus(many, "test");
    BadRequest details =
        status.getDetailsList().stream()
            .filter(a -> a.is(BadRequest.class))
            .map(a -> {
              try {
                return a.unpack(BadRequest.class);
              } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new AssertionError(e);
              }
            })
            .findFirst()
            .orElseThrow();

    assertThat(details.getFieldViolationsCount()).isEqualTo(GrpcErrors.MAX_VIOLATIONS);
    assertThat(details.getFieldViolations(GrpcErrors.MAX_VIOLATIONS - 1).getDescription())
        .contains("593 more");
    // grpc-status-details-bin travels base64-encoded; grpc-java clients refuse trailers over 8 KiB.
    assertThat(status.getSerializedSize() * 4 / 3 + status.getMessage().length()).isLessThan(7_000);
  }
}
