package org.taskforce.deconfliction.application;

/**
 * Announces alerts through the service's outbox: never lost if notification-service is down,
 * delivered when it returns. {@link #prepare} before the change, {@link #commit} after it.
 */
public interface Alerts {
  void prepare(Alert alert);

  void commit(Alert alert);

  /** For alerts that announce nothing but themselves (a search of a subject). */
  void send(Alert alert);
}
