package org.taskforce.platform.faults;

/**
 * The points between the steps of a multi-step write (outbox entry prepared, record stored, peer
 * called, an escalation published then marked, ...) where a process can die. Production passes
 * {@link #NONE} (or {@link HaltAtSeam} where the fault-test hook is enabled); tests pass one that
 * throws at a named seam to stop a write there as a crash would, then check that a retry, the relay
 * or the sweep finishes or undoes it exactly once.
 */
@FunctionalInterface
public interface WriteSeams {
  WriteSeams NONE = seam -> {};

  /** Called when a write reaches {@code seam}, e.g. {@code escalation.published}. */
  void reached(String seam);
}
