package org.taskforce.notifications.adapter.grpc;

import com.google.protobuf.Duration;
import org.taskforce.api.notifications.v1.DeliveryAttempt;
import org.taskforce.api.notifications.v1.DeliveryStatus;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.WebhookDelivery;
import org.taskforce.api.notifications.v1.WebhookHealth;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.notifications.application.port.EndpointGuard;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.grpc.ProtoTimes;

/**
 * Subscriptions and deliveries as the contract shows them: a subscription with its health (from its
 * endpoint's guard and its last outcomes) and dead-letter count, never its secret.
 */
public final class WebhookMapping {
  private final WebhookStore store;
  private final EndpointGuard guard;

  public WebhookMapping(WebhookStore store, EndpointGuard guard) {
    this.store = store;
    this.guard = guard;
  }

  WebhookSubscription toProto(Webhook webhook) {
    WebhookSubscription.Builder proto =
        WebhookSubscription.newBuilder()
            .setSubscriptionId(webhook.id())
            .setAgencyId(webhook.agencyId())
            .setUrl(webhook.url())
            .setEnabled(webhook.enabled())
            .setHealth(health(webhook))
            .setDeadLetterCount(store.deadLetterCount(webhook.id()))
            .setEtag(Etags.of(webhook.version()));
    webhook.kinds().stream()
        .sorted()
        .forEach(kind -> proto.addKinds(NotificationKind.valueOf("NOTIFICATION_KIND_" + kind)));
    if (webhook.lastSuccess() != null) {
      proto.setLastSuccessTime(ProtoTimes.timestamp(webhook.lastSuccess()));
    }
    if (webhook.lastFailure() != null) {
      proto.setLastFailureTime(ProtoTimes.timestamp(webhook.lastFailure()));
    }
    return proto.build();
  }

  private WebhookHealth health(Webhook webhook) {
    if (!webhook.enabled()) {
      return WebhookHealth.WEBHOOK_HEALTH_DISABLED;
    }
    if (guard.isHoldingBack(webhook.id())) {
      return WebhookHealth.WEBHOOK_HEALTH_CIRCUIT_OPEN;
    }
    boolean failing =
        webhook.lastFailure() != null
            && (webhook.lastSuccess() == null
                || webhook.lastFailure().isAfter(webhook.lastSuccess()));
    return failing ? WebhookHealth.WEBHOOK_HEALTH_DEGRADED : WebhookHealth.WEBHOOK_HEALTH_HEALTHY;
  }

  static WebhookDelivery toProto(Delivery delivery) {
    WebhookDelivery.Builder proto =
        WebhookDelivery.newBuilder()
            .setDeliveryId(delivery.id())
            .setSubscriptionId(delivery.webhookId())
            .setNotificationId(delivery.notificationId())
            .setIdempotencyKey(delivery.idempotencyKey())
            .setStatus(DeliveryStatus.valueOf("DELIVERY_STATUS_" + delivery.status().name()))
            .setNextAttemptTime(ProtoTimes.timestamp(delivery.nextAttempt()))
            .setCreateTime(ProtoTimes.timestamp(delivery.createTime()));
    delivery.attempts().forEach(attempt -> proto.addAttempts(toProto(attempt)));
    return proto.build();
  }

  private static DeliveryAttempt toProto(Delivery.Attempt attempt) {
    long millis = attempt.latencyMillis();
    return DeliveryAttempt.newBuilder()
        .setTime(ProtoTimes.timestamp(attempt.time()))
        .setHttpStatus(attempt.httpStatus())
        .setError(attempt.error())
        .setLatency(
            Duration.newBuilder()
                .setSeconds(millis / 1000)
                .setNanos((int) (millis % 1000) * 1_000_000))
        .build();
  }
}
