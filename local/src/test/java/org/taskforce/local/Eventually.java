package org.taskforce.local;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in the tests that run real processes: until a condition holds, or until a call stops
 * failing because a process was down or starting — never past what a service refused.
 */
final class Eventually {
  private Eventually() {}

  /** Asks {@code condition} every 300 ms until it holds; fails when it has not within the time. */
  static void waitUntil(String what, Duration within, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(within);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
      }
      sleep(300);
    }
  }

  /** Retries, for up to 60 s, what failed because a process was starting (UNAVAILABLE). */
  static <T> T retrying(Supplier<T> call) {
    return retrying(
        Duration.ofSeconds(60), e -> e.getStatus().getCode() == Status.Code.UNAVAILABLE, call);
  }

  /**
   * Retries the same call every 250 ms while it fails in a way {@code transientFailure} accepts,
   * for up to {@code within}; any other failure, or the last one, is thrown.
   */
  static <T> T retrying(
      Duration within, Predicate<StatusRuntimeException> transientFailure, Supplier<T> call) {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (!transientFailure.test(e) || Instant.now().isAfter(deadline)) {
          throw e;
        }
        sleep(250);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
