package org.taskforce.platform.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the executor of a background job's rounds. */
public final class Rounds {
  private Rounds() {}

  /**
   * Stops {@code executor}: no new round starts, a round in flight finishes (its writes are whole
   * steps, so a caller that stopped the job knows nothing it read is written afterwards), and one
   * that overruns five seconds is interrupted.
   */
  public static void stop(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
