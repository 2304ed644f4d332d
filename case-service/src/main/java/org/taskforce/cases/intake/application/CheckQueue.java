package org.taskforce.cases.intake.application;

/**
 * Checks that could not be made on arrival (deconfliction down), kept in the outbox and retried
 * with backoff until deconfliction answers; {@link Intake#recheck} makes them.
 */
public interface CheckQueue {
  void enqueue(String tipId);
}
