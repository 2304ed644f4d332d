package org.taskforce.notifications.adapter.mongo;

import static org.taskforce.notifications.adapter.mongo.NotificationDocuments.date;
import static org.taskforce.notifications.adapter.mongo.NotificationDocuments.instant;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import org.bson.Document;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Webhook;

/**
 * Webhooks as documents of {@code webhooks} (the signing secret sealed, bound to the webhook) and
 * deliveries as documents of {@code webhook_deliveries}, and back.
 */
final class WebhookDocuments {
  private final SecretSealer secrets;

  WebhookDocuments(SecretSealer secrets) {
    this.secrets = secrets;
  }

  Document toDocument(Webhook webhook) {
    return new Document("_id", webhook.id())
        .append("agencyId", webhook.agencyId())
        .append("url", webhook.url())
        .append("secret", secrets.seal(webhook.id(), webhook.secret()))
        .append("kinds", new ArrayList<>(webhook.kinds()))
        .append("enabled", webhook.enabled())
        .append("createdBy", webhook.createdBy())
        .append("createTime", Date.from(webhook.createTime()))
        .append("lastSuccess", date(webhook.lastSuccess()))
        .append("lastFailure", date(webhook.lastFailure()))
        .append("version", webhook.version());
  }

  Webhook webhook(Document document) {
    return new Webhook(
        document.getString("_id"),
        document.getString("agencyId"),
        document.getString("url"),
        secrets.open(document.getString("_id"), document.getString("secret")),
        new HashSet<>(document.getList("kinds", String.class)),
        document.getBoolean("enabled", true),
        document.getString("createdBy"),
        document.getDate("createTime").toInstant(),
        instant(document.getDate("lastSuccess")),
        instant(document.getDate("lastFailure")),
        document.get("version", Number.class).longValue());
  }

  static Document toDocument(Delivery delivery) {
    List<Document> attempts = new ArrayList<>();
    delivery
        .attempts()
        .forEach(attempt ->
            attempts.add(
                new Document("time", Date.from(attempt.time()))
                    .append("status", attempt.httpStatus())
                    .append("error", attempt.error())
                    .append("latencyMs", attempt.latencyMillis())));
    return new Document("_id", delivery.id())
        .append("webhookId", delivery.webhookId())
        .append("notificationId", delivery.notificationId())
        .append("seq", delivery.sequence())
        .append("idempotencyKey", delivery.idempotencyKey())
        .append("status", delivery.status().name())
        .append("attempts", attempts)
        .append("nextAttempt", Date.from(delivery.nextAttempt()))
        .append("createTime", Date.from(delivery.createTime()))
        .append("leaseUntil", null)
        .append("version", delivery.version());
  }

  static Delivery delivery(Document document) {
    List<Delivery.Attempt> attempts = new ArrayList<>();
    document
        .getList("attempts", Document.class)
        .forEach(attempt ->
            attempts.add(
                new Delivery.Attempt(
                    attempt.getDate("time").toInstant(),
                    attempt.getInteger("status"),
                    attempt.getString("error"),
                    attempt.get("latencyMs", Number.class).longValue())));
    return new Delivery(
        document.getString("_id"),
        document.getString("webhookId"),
        document.getString("notificationId"),
        document.get("seq", Number.class).longValue(),
        document.getString("idempotencyKey"),
        Delivery.Status.valueOf(document.getString("status")),
        attempts,
        document.getDate("nextAttempt").toInstant(),
        document.getDate("createTime").toInstant(),
        document.get("version", Number.class).longValue());
  }
}
