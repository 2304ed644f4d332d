package org.taskforce.notifications.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Webhook;

/** Webhook subscriptions and their deliveries. */
public interface WebhookStore {
  boolean insert(Webhook webhook);

  Optional<Webhook> find(String id);

  List<Webhook> forAgency(String agencyId);

  /** Where a page of an agency's webhooks ended: they are listed by creation time, then id. */
  record Position(Instant createTime, String id) {}

  /** An agency's webhooks after {@code after} (from the first when null), oldest first. */
  List<Webhook> page(String agencyId, Position after, int limit);

  boolean replace(Webhook webhook, long expectedVersion);

  void delete(String id);

  /** Inserts those deliveries that do not exist yet (deterministic ids). */
  void enqueueAll(List<Delivery> deliveries);

  Optional<Delivery> findDelivery(String id);

  /**
   * Per webhook, its oldest delivery still to send (PENDING or RETRYING): the head of its queue.
   */
  List<Delivery> queueHeads(int limit);

  /** Takes a delivery for one attempt until {@code until}; false when another replica holds it. */
  boolean lease(String deliveryId, long version, Instant until);

  boolean replaceDelivery(Delivery delivery, long expectedVersion);

  /** A webhook's deliveries before position {@code before}, newest first. */
  List<Delivery> deliveries(
      String webhookId, Set<Delivery.Status> statuses, long before, int limit);

  int deadLetterCount(String webhookId);

  void recordOutcome(String webhookId, boolean success, Instant time);
}
