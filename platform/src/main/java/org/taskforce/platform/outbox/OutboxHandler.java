package org.taskforce.platform.outbox;

import java.util.List;

/** Delivers the outbox messages of one topic, e.g. by calling notification-service. */
public interface OutboxHandler {
  String topic();

  /**
   * Delivers one message. Throwing means "try again later" (with backoff); returning means done.
   * Delivery is at least once, so the receiver must be idempotent on {@link OutboxMessage#id()}.
   */
  void deliver(OutboxMessage message) throws Exception;

  /**
   * How many messages {@link #deliverAll} takes at once; 1 (the default): the relay delivers one by
   * one.
   */
  default int maxBatch() {
    return 1;
  }

  /**
   * Delivers several messages of this topic at once (in creation order, at most {@link #maxBatch});
   * returning means all are done, throwing means the relay tries each on its own, so one bad
   * message holds up no other. The default delivers them one by one.
   */
  default void deliverAll(List<OutboxMessage> messages) throws Exception {
    for (OutboxMessage m : messages) {
      deliver(m);
    }
  }

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
