package org.taskforce.deconfliction.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.taskforce.deconfliction.application.Retention;

/** Runs {@link Retention} every interval on every replica (each step is idempotent). */
public final class RetentionScheduler implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
  private final Retention retention;
  private final DeconflictionProperties.Retention settings;
  private ScheduledExecutorService scheduler;

  RetentionScheduler(Retention retention, DeconflictionProperties.Retention settings) {
    this.retention = retention;
    this.settings = settings;
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "retention");
          t.setDaemon(true);
          return t;
        });
    long every = settings.interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      Retention.Report r = retention.run();
      if (r.expired() + r.purgedTargets() + r.purgedEvents() > 0) {
        log.info(
            "retention: {} registrations expired, {} targets and {} events purged",
            r.expired(),
            r.purgedTargets(),
            r.purgedEvents());
      }
    } catch (RuntimeException e) {
      log.warn("retention run failed; next run in {}", settings.interval(), e);
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
