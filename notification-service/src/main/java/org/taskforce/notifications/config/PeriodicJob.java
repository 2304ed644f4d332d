package org.taskforce.notifications.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background job on a daemon thread of its own, every {@code interval} while the application runs
 * (nothing when not {@code enabled}); a failed round is logged and the next one comes.
 */
final class PeriodicJob implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

  private final String name;
  private final Duration interval;
  private final boolean enabled;
  private final Runnable job;
  private ScheduledExecutorService scheduler;

  PeriodicJob(String name, Duration interval, boolean enabled, Runnable job) {
    this.name = name;
    this.interval = interval;
    this.enabled = enabled;
    this.job = job;
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(name).daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      job.run();
    } catch (RuntimeException e) {
      log.warn("{} round failed; next in {}", name, interval, e);
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
