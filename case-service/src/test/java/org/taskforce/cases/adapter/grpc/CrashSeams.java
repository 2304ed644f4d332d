package org.taskforce.cases.adapter.grpc;

import java.util.concurrent.atomic.AtomicReference;
import org.taskforce.cases.application.Seams;

/**
 * Stops a write at a named seam, as a crash would: the exception is thrown between two steps and no
 * code of the write runs after it. Armed for one crash, then passes again.
 */
final class CrashSeams implements Seams {
  /** What the "crash" throws; nothing in case-service catches it as a refusal. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String seam) {
      super("simulated crash at " + seam);
    }
  }

  private final AtomicReference<String> armed = new AtomicReference<>();

  void crashAt(String seam) {
    armed.set(seam);
  }

  void disarm() {
    armed.set(null);
  }

  @Override
  public void pass(String seam) {
    if (armed.compareAndSet(seam, null)) {
      throw new SimulatedCrash(seam);
    }
  }
}
