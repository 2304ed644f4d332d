package org.taskforce.notifications.domain;

import java.time.Instant;
import java.util.ArrayList;
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

  /** The same delivery taken for one attempt (its version moves on with the lease). */
  public Delivery leased() {
    return with(status, attempts, nextAttempt);
  }

  /** After one more attempt: its outcome recorded, the status and next attempt it leads to. */
  public Delivery afterAttempt(Status outcome, Attempt attempt, Instant next) {
    List<Attempt> all = new ArrayList<>(attempts);
    all.add(attempt);
    return with(outcome, all, next);
  }

  /** A dead letter queued again from {@code now}, keeping its history and idempotency key. */
  public Delivery requeued(Instant now) {
    return with(Status.PENDING, attempts, now);
  }

  private Delivery with(Status newStatus, List<Attempt> newAttempts, Instant next) {
    return new Delivery(
        id,
        webhookId,
        notificationId,
        sequence,
        idempotencyKey,
        newStatus,
        newAttempts,
        next,
        createTime,
        version + 1);
  }
}
