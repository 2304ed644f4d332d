package org.taskforce.cases.adapter.grpc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.taskforce.platform.faults.WriteSeams;

/**
 * Stops a write at a named seam, as a crash would: the exception is thrown between two steps and no
 * code of the write runs after it. Armed for one crash, then passes again. It can also run
 * something once at a seam (another writer getting in between two steps).
 */
public final class CrashSeams implements WriteSeams {
  /** What the "crash" throws; nothing in case-service catches it as a refusal. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String seam) {
      super("simulated crash at " + seam);
    }
  }

  private final AtomicReference<String> armed = new AtomicReference<>();
  private final ConcurrentHashMap<String, Runnable> between = new ConcurrentHashMap<>();

  public void crashAt(String seam) {
    armed.set(seam);
  }

  /** Runs {@code action} the next time a write reaches {@code seam}, then lets the write go on. */
  public void runAt(String seam, Runnable action) {
    between.put(seam, action);
  }

  public void disarm() {
    armed.set(null);
    between.clear();
  }

  @Override
  public void reached(String seam) {
    Runnable action = between.remove(seam);
    if (action != null) {
      action.run();
    }
    if (armed.compareAndSet(seam, null)) {
      throw new SimulatedCrash(seam);
    }
  }
}
