package org.taskforce.platform.outbox;

/** Delivers the outbox messages of one topic, e.g. by calling notification-service. */
public interface OutboxHandler {
  String topic();

  /**
   * Delivers one message. Throwing means "try again later" (with backoff); returning means done.
   * Delivery is at least once, so the receiver must be idempotent on {@link OutboxMessage#id()}.
   */
  void deliver(OutboxMessage message) throws Exception;

  /**
   * For a message {@link Outbox#prepare prepared} but never {@link Outbox#commit committed} (the
   * service stopped in between): did the change it announces happen? True: it is delivered; false:
   * it is dropped. Handlers whose services use {@code prepare} must answer from the data; the
   * default delivers, preferring a duplicate-safe extra event to a lost one.
   */
  default boolean applied(OutboxMessage message) {
    return true;
  }
}
