package org.taskforce.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a job every {@code interval} on every replica while the application runs, on a daemon thread
 * of its own (nothing when not {@code enabled} or the interval is not positive); a failed run is
 * logged and the next one comes at the next interval. The jobs it runs (sweeps, retention,
 * escalation, deliveries) are idempotent or compare-and-set, so replicas running at once do no
 * harm.
 */
public final class PeriodicJob implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);
  private final String name;
  private final boolean enabled;
  private final Duration interval;
  private final Runnable job;
  private ScheduledExecutorService scheduler;

  public PeriodicJob(String name, boolean enabled, Duration interval, Runnable job) {
    this.name = name;
    this.enabled = enabled;
    this.interval = interval;
    this.job = job;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null || !enabled || interval.isZero() || interval.isNegative()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(name).daemon().factory());
    long every = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      job.run();
    } catch (RuntimeException e) {
      log.warn("{} failed; next run in {}", name, interval, e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      Rounds.stop(scheduler);
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
