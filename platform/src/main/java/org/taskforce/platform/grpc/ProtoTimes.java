package org.taskforce.platform.grpc;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.taskforce.platform.error.TaskforceException;

/**
 * Reads protobuf times from a request the way their contract defines them, and refuses the rest
 * with {@code INVALID_ARGUMENT} on the field: a {@code Timestamp} lies in 0001-01-01 … 9999-12-31
 * with nanos in 0 … 999,999,999; a {@code Duration} within ±10,000 years with nanos of the same
 * sign. Anything else would overflow {@link Instant} arithmetic deep in a use case. Writes the
 * instants a service answers with.
 */
public final class ProtoTimes {
  private static final long MIN_SECONDS = -62_135_596_800L; // 0001-01-01T00:00:00Z
  private static final long MAX_SECONDS = 253_402_300_799L; // 9999-12-31T23:59:59Z
  private static final long MAX_DURATION_SECONDS = 315_576_000_000L;

  private ProtoTimes() {}

  /** Whether {@code t} is a time its contract allows. */
  public static boolean isValid(Timestamp t) {
    return t.getSeconds() >= MIN_SECONDS
        && t.getSeconds() <= MAX_SECONDS
        && t.getNanos() >= 0
        && t.getNanos() <= 999_999_999;
  }

  public static Instant instant(Timestamp t, String field) {
    if (!isValid(t)) {
      throw refused(field, "must be a time between 0001-01-01 and 9999-12-31");
    }
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** An instant as its contract's {@code Timestamp}. */
  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  public static java.time.Duration duration(Duration d, String field) {
    boolean signsAgree =
        d.getSeconds() == 0 || d.getNanos() == 0 || (d.getSeconds() < 0) == (d.getNanos() < 0);
    if (d.getSeconds() < -MAX_DURATION_SECONDS
        || d.getSeconds() > MAX_DURATION_SECONDS
        || d.getNanos() < -999_999_999
        || d.getNanos() > 999_999_999
        || !signsAgree) {
      throw refused(field, "must be a duration within 10,000 years");
    }
    return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }

  private static TaskforceException refused(String field, String description) {
    return TaskforceException.invalidArgument(field, description);
  }
}
