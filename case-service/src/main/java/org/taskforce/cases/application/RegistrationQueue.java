package org.taskforce.cases.application;

/**
 * The port through which registration changes wait for deconfliction (an outbox in the service's
 * own database): prepared in the same breath as the change, then dropped once delivered, or
 * released for the relay to retry.
 */
public interface RegistrationQueue {
  /** Queues {@code change} under {@code entry} as PREPARED: the relay leaves it alone for now. */
  void prepare(String entry, RegistrationChange change);

  /** Releases a prepared entry to the relay (deconfliction did not answer). */
  void commit(String entry);

  /** Drops a prepared entry (the change was delivered, or refused and undone). */
  void abandon(String entry);

  /** Queues {@code change} ready for the relay; false when {@code entry} is already queued. */
  boolean record(String entry, RegistrationChange change);
}
