package org.taskforce.notifications.domain;

import java.time.Instant;
import java.util.List;

/**
 * One notification on its way to one webhook. {@code sequence} is the notification's, so that a
 * webhook receives its deliveries in order; {@code idempotencyKey} is the same for every attempt
 * and redelivery.
 */
public record Delivery(
    String id,
    String webhookId,
    String notificationId,
    long sequence,
    String idempotencyKey,
    Status status,
    List<Attempt> attempts,
    Instant nextAttempt,
    Instant createTime,
    long version) {

  public enum Status {
    PENDING,
    DELIVERED,
    RETRYING,
    DEAD_LETTER
  }

  /** One try: the HTTP status (0 when no response came) or the error, and how long it took. */
  public record Attempt(Instant time, int httpStatus, String error, long latencyMillis) {}

  public Delivery {
    attempts = List.copyOf(attempts);
  }
}
