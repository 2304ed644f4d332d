package org.taskforce.deconfliction.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a job every interval on every replica, on a daemon thread of its own; a failed run is logged
 * and the next one comes at the next interval. The jobs it runs (retention, the repair sweep,
 * escalation) are idempotent or compare-and-set, so replicas running at once do no harm.
 */
public final class PeriodicJob implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);
  private final String name;
  private final boolean enabled;
  private final Duration interval;
  private final Runnable job;
  private ScheduledExecutorService scheduler;

  PeriodicJob(String name, boolean enabled, Duration interval, Runnable job) {
    this.name = name;
    this.enabled = enabled;
    this.interval = interval;
    this.job = job;
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
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
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
