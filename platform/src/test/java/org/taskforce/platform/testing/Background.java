package org.taskforce.platform.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.taskforce.platform.jobs.PeriodicJob;
import org.taskforce.platform.mongo.TallyUpkeep;
import org.taskforce.platform.outbox.OutboxRelay;

/**
 * Test help: a service's background work (outbox relays, report-count upkeep, sweeps) held still
 * while a test needs the database to change by its own calls alone — cleaning between tests, or
 * comparing the database before and after a refused call. Each part's {@code stop} waits for a
 * round in flight, so nothing it read before the pause is written after it.
 */
public final class Background {
  private Background() {}

  /** A service's background work in {@code context}: outbox relays, count upkeep and sweeps. */
  public static List<Lifecycle> of(ApplicationContext context) {
    List<Lifecycle> parts = new ArrayList<>();
    for (Class<? extends Lifecycle> type :
        List.of(OutboxRelay.class, TallyUpkeep.class, PeriodicJob.class)) {
      parts.addAll(context.getBeansOfType(type).values());
    }
    return parts;
  }

  /** Runs {@code body} with every running part stopped; they run again afterwards. */
  public static void paused(Collection<? extends Lifecycle> parts, Runnable body) {
    pausedFor(
        parts,
        () -> {
          body.run();
          return null;
        });
  }

  /** What {@code body} gives, run with every running part stopped; they run again afterwards. */
  public static <T> T pausedFor(Collection<? extends Lifecycle> parts, Supplier<T> body) {
    List<Lifecycle> stopped = new ArrayList<>();
    try {
      for (Lifecycle part : parts) {
        if (part.isRunning()) {
          part.stop();
          stopped.add(part);
        }
      }
      return body.get();
    } finally {
      stopped.forEach(Lifecycle::start);
    }
  }
}
