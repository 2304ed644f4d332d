package org.taskforce.cases.application;

/**
 * The points between the steps of a multi-step write (outbox entry prepared, record stored, peer
 * called, ...). Production passes them silently; tests inject one that throws at a named seam to
 * stop a write there as a crash would, then check that the relay and the sweep finish or undo it.
 */
@FunctionalInterface
public interface Seams {
  Seams NONE = seam -> {};

  /** Called when a write reaches {@code seam}; throwing stops the write there. */
  void pass(String seam);
}
