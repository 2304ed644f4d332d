package org.taskforce.cases.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.taskforce.cases.application.SubjectSweep;

/** Runs {@link SubjectSweep} every {@code taskforce.cases.sweep.interval}. */
final class SubjectSweepSchedule implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SubjectSweepSchedule.class);
  private final SubjectSweep sweep;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  SubjectSweepSchedule(SubjectSweep sweep, Duration interval) {
    this.sweep = sweep;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null || interval.isZero() || interval.isNegative()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "subject-sweep");
          t.setDaemon(true);
          return t;
        });
    long ms = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::safeSweep, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void safeSweep() {
    try {
      SubjectSweep.Result r = sweep.sweepOnce();
      if (r.registrations() + r.withdrawals() + r.renewals() + r.rejected() > 0) {
        log.info("subject sweep queued {}", r);
      }
    } catch (RuntimeException e) {
      log.warn("subject sweep failed; will try again: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
