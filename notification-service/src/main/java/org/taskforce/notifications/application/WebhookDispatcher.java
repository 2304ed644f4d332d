package org.taskforce.notifications.application;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.taskforce.notifications.application.port.EndpointGuard;
import org.taskforce.notifications.application.port.NotificationRenderer;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.application.port.WebhookSender;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.notifications.domain.Webhook;

/**
 * Delivers queued webhook deliveries: in order per endpoint (only the head of an endpoint's queue
 * is ever attempted), signed (HMAC-SHA256 over {@code timestamp + "." + body}), retried as the
 * {@link DeliveryPolicy} says, after which the delivery moves to the dead-letter list and the queue
 * goes on. Each endpoint is guarded (a circuit breaker): while the guard holds it back nothing is
 * sent to it (and nothing counts against the budget).
 */
public final class WebhookDispatcher {
  private final WebhookStore store;
  private final NotificationStore notifications;
  private final NotificationRenderer renderer;
  private final WebhookSender sender;
  private final EndpointGuard guard;
  private final DeliveryPolicy policy;
  private final Clock clock;

  public WebhookDispatcher(
      WebhookStore store,
      NotificationStore notifications,
      NotificationRenderer renderer,
      WebhookSender sender,
      EndpointGuard guard,
      DeliveryPolicy policy,
      Clock clock) {
    this.store = store;
    this.notifications = notifications;
    this.renderer = renderer;
    this.sender = sender;
    this.guard = guard;
    this.policy = policy;
    this.clock = clock;
  }

  /** One round over every endpoint's queue head; returns the attempts made. */
  public int dispatchOnce() {
    int attempts = 0;
    for (Delivery head : store.queueHeads(500)) {
      Instant now = clock.instant();
      if (head.nextAttempt().isAfter(now)) {
        continue; // waiting for its backoff: the rest of that endpoint's queue waits behind it
      }
      Optional<Webhook> webhook = store.find(head.webhookId()).filter(Webhook::enabled);
      if (webhook.isEmpty() || !guard.tryEnter(head.webhookId())) {
        continue;
      }
      if (!store.lease(head.id(), head.version(), now.plus(policy.lease()))) {
        guard.release(head.webhookId());
        continue; // another replica is on it
      }
      attempt(webhook.get(), head.leased());
      attempts++;
    }
    return attempts;
  }

  private void attempt(Webhook webhook, Delivery delivery) {
    Optional<Notification> notification = notifications.find(delivery.notificationId());
    if (notification.isEmpty()) {
      guard.release(webhook.id());
      Instant now = clock.instant();
      store.replaceDelivery(
          delivery.afterAttempt(
              Delivery.Status.DEAD_LETTER,
              new Delivery.Attempt(now, 0, "notification no longer exists", 0),
              now),
          delivery.version());
      return;
    }
    String body = renderer.json(notification.get());
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    Map<String, String> headers =
        Map.of(
            "Content-Type",
            "application/json",
            "X-Taskforce-Timestamp",
            timestamp,
            "X-Taskforce-Signature",
            "sha256=" + sign(webhook.secret(), timestamp + "." + body),
            "Idempotency-Key",
            delivery.idempotencyKey(),
            "X-Taskforce-Delivery",
            delivery.id());
    long started = System.nanoTime();
    WebhookSender.Response response = sender.post(webhook.url(), headers, body, policy.timeout());
    long took = (System.nanoTime() - started) / 1_000_000;
    record(webhook, delivery, response, took);
  }

  /** What one answer means for the endpoint's guard, its health and the delivery. */
  private void record(
      Webhook webhook, Delivery delivery, WebhookSender.Response response, long took) {
    Instant now = clock.instant();
    int status = response.status();
    Delivery.Attempt attempt =
        new Delivery.Attempt(now, status, response.error() == null ? "" : response.error(), took);
    boolean retriable = DeliveryPolicy.retriable(status);
    if (retriable) {
      guard.failed(webhook.id(), took, "webhook answered " + status);
    } else {
      guard.succeeded(webhook.id(), took); // up; a 4xx refused this one delivery only
    }
    store.recordOutcome(webhook.id(), DeliveryPolicy.succeeded(status), now);
    Delivery next;
    if (DeliveryPolicy.succeeded(status)) {
      next = delivery.afterAttempt(Delivery.Status.DELIVERED, attempt, now);
    } else if (retriable && policy.budgetLeftAfter(delivery.attempts().size())) {
      Instant retryAt = now.plus(policy.backoff(delivery.attempts().size()));
      next = delivery.afterAttempt(Delivery.Status.RETRYING, attempt, retryAt);
    } else {
      next = delivery.afterAttempt(Delivery.Status.DEAD_LETTER, attempt, now);
    }
    store.replaceDelivery(next, delivery.version());
  }

  /** {@code sha256=} hex of HMAC-SHA256(secret, message): what a receiver recomputes. */
  public static String sign(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
