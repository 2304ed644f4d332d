package org.taskforce.platform.mongo;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.jobs.Rounds;

/**
 * Keeps report tallies up to date in the background, so a report request never does unbounded work:
 * {@code step} (apply what writers left pending, rebuild what a bulk import marked stale, the
 * backfill after an upgrade) runs once at start and then every {@code interval}, on one thread of
 * its own. Every step must be safe to repeat and to run on several replicas at once; one that fails
 * is logged and repeated at the next interval. A report that finds more left to do than it may do
 * itself answers {@link #catchingUp UNAVAILABLE} instead of a wrong number.
 */
public final class TallyUpkeep implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(TallyUpkeep.class.getName());

  private final String name;
  private final Duration interval;
  private final Runnable step;
  private ScheduledExecutorService executor;

  public TallyUpkeep(String name, Duration interval, Runnable step) {
    this.name = name;
    this.interval = interval;
    this.step = step;
  }

  /** The answer to a report while the tallies are behind by more than a request may catch up. */
  public static TaskforceException catchingUp(String what) {
    return new TaskforceException(
        ErrorKind.UNAVAILABLE,
        "REPORT_TALLIES_CATCHING_UP",
        what + " are being brought up to date in the background; try again in a minute");
  }

  @Override
  public synchronized void start() {
    if (interval.isZero() || interval.isNegative()) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "tally-upkeep-" + name);
          t.setDaemon(true);
          return t;
        });
    executor.scheduleWithFixedDelay(this::runStep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runStep() {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "tally upkeep " + name + " failed; will repeat", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      Rounds.stop(executor);
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
