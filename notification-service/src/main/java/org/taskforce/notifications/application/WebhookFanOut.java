package org.taskforce.notifications.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.notifications.domain.Webhook;

/**
 * Queues each stored notification for every subscription of its agency that wants it. Idempotent (a
 * delivery's id derives from subscription and notification): one look-up of the subscriptions per
 * agency and one write for all deliveries.
 */
public final class WebhookFanOut {
  private final WebhookStore store;
  private final Clock clock;

  public WebhookFanOut(WebhookStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void fanOut(List<Notification> stored) {
    Instant now = clock.instant();
    Map<String, List<Webhook>> subscriptionsByAgency = new HashMap<>();
    List<Delivery> deliveries = new ArrayList<>();
    for (Notification notification : stored) {
      String agency = notification.recipient().agencyId();
      for (Webhook webhook : subscriptionsByAgency.computeIfAbsent(agency, store::forAgency)) {
        if (webhook.wants(notification)) {
          deliveries.add(delivery(webhook, notification, now));
        }
      }
    }
    store.enqueueAll(deliveries);
  }

  private static Delivery delivery(Webhook webhook, Notification notification, Instant now) {
    String pair = webhook.id() + "|" + notification.id();
    return new Delivery(
        "d-" + UUID.nameUUIDFromBytes(pair.getBytes(StandardCharsets.UTF_8)),
        webhook.id(),
        notification.id(),
        notification.sequence(),
        notification.id() + ":" + webhook.id(),
        Delivery.Status.PENDING,
        List.of(),
        now,
        now,
        1);
  }
}
