package org.taskforce.cases.intake.application;

/**
 * Checks that could not be made on arrival (deconfliction down), kept in the outbox and retried
 * with backoff until deconfliction answers; {@link TipRecheck#recheck} makes them. A check is
 * prepared before its tip is stored and committed after; one left prepared by a crash is made only
 * if the tip was stored.
 */
public interface CheckQueue {
  /** Queues the check of a stored tip (releasing it if it was prepared). Idempotent. */
  void enqueue(String tipId);

  /** Before the tip is stored: a check that waits for {@link #enqueue} or {@link #abandon}. */
  void prepare(String tipId);

  /** Drops a prepared check whose tip was not stored unchecked. */
  void abandon(String tipId);
}
