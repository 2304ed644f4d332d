package org.taskforce.notifications.adapter.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.DeliveryAttempt;
import org.taskforce.api.notifications.v1.DeliveryStatus;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesRequest;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesResponse;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsRequest;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsResponse;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryRequest;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryResponse;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.WebhookDelivery;
import org.taskforce.api.notifications.v1.WebhookHealth;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.notifications.application.WebhookStore;
import org.taskforce.notifications.application.Webhooks;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;

/** Webhook messages ⇄ the Webhooks use cases; health comes from the endpoint's breaker. */
public final class WebhookEndpoints {
  private final Webhooks webhooks;
  private final WebhookStore store;
  private final Function<String, CircuitBreaker> breakers;

  public WebhookEndpoints(
      Webhooks webhooks, WebhookStore store, Function<String, CircuitBreaker> breakers) {
    this.webhooks = webhooks;
    this.store = store;
    this.breakers = breakers;
  }

  GetWebhookSubscriptionResponse get(GetWebhookSubscriptionRequest r) {
    return GetWebhookSubscriptionResponse.newBuilder()
        .setSubscription(
            proto(
                webhooks.get(
                    CallerContext.principal(), required("subscription_id", r.getSubscriptionId()))))
        .build();
  }

  ListWebhookSubscriptionsResponse list(ListWebhookSubscriptionsRequest r) {
    ListWebhookSubscriptionsResponse.Builder b = ListWebhookSubscriptionsResponse.newBuilder();
    webhooks.list(CallerContext.principal()).forEach(w -> b.addSubscriptions(proto(w)));
    return b.build();
  }

  CreateWebhookSubscriptionResponse create(CreateWebhookSubscriptionRequest r) {
    WebhookSubscription s = r.getSubscription();
    Webhook w =
        webhooks.create(
            CallerContext.principal(),
            new Webhooks.Draft(s.getUrl(), s.getSecret(), kinds(s.getKindsList()), true),
            r.getRequestId());
    return CreateWebhookSubscriptionResponse.newBuilder().setSubscription(proto(w)).build();
  }

  UpdateWebhookSubscriptionResponse update(UpdateWebhookSubscriptionRequest r) {
    WebhookSubscription s = r.getSubscription();
    Set<String> fields = new HashSet<>(r.getUpdateMask().getPathsList());
    for (String f : fields) {
      if (!Set.of("url", "secret", "kinds", "enabled").contains(f)) {
        throw TaskforceException.invalidArgument(
            "update_mask",
            "\"" + f + "\" cannot be changed; updatable: url, secret, kinds, enabled");
      }
    }
    if (s.getEtag().isBlank()) {
      throw TaskforceException.invalidArgument("subscription.etag", "is required");
    }
    Webhook w =
        webhooks.update(
            CallerContext.principal(),
            required("subscription.subscription_id", s.getSubscriptionId()),
            version(s.getEtag()),
            new Webhooks.Draft(s.getUrl(), s.getSecret(), kinds(s.getKindsList()), s.getEnabled()),
            fields);
    return UpdateWebhookSubscriptionResponse.newBuilder().setSubscription(proto(w)).build();
  }

  DeleteWebhookSubscriptionResponse delete(DeleteWebhookSubscriptionRequest r) {
    webhooks.delete(CallerContext.principal(), required("subscription_id", r.getSubscriptionId()));
    return DeleteWebhookSubscriptionResponse.getDefaultInstance();
  }

  ListWebhookDeliveriesResponse deliveries(ListWebhookDeliveriesRequest r) {
    Set<Delivery.Status> statuses = EnumSet.noneOf(Delivery.Status.class);
    r.getStatusesList().stream()
        .filter(s -> s.getNumber() > 0)
        .forEach(s ->
            statuses.add(Delivery.Status.valueOf(s.name().substring("DELIVERY_STATUS_".length()))));
    int skip = r.getPageToken().isBlank() ? 0 : Integer.parseInt(r.getPageToken());
    int size = r.getPageSize() <= 0 ? 50 : Math.min(r.getPageSize(), 200);
    List<Delivery> page =
        webhooks.deliveries(
            CallerContext.principal(),
            required("subscription_id", r.getSubscriptionId()),
            statuses,
            skip,
            size);
    ListWebhookDeliveriesResponse.Builder b =
        ListWebhookDeliveriesResponse.newBuilder()
            .setNextPageToken(page.size() < size ? "" : Integer.toString(skip + page.size()));
    page.forEach(d -> b.addDeliveries(proto(d)));
    return b.build();
  }

  RedeliverWebhookDeliveryResponse redeliver(RedeliverWebhookDeliveryRequest r) {
    Delivery d =
        webhooks.redeliver(
            CallerContext.principal(),
            required("subscription_id", r.getSubscriptionId()),
            required("delivery_id", r.getDeliveryId()));
    return RedeliverWebhookDeliveryResponse.newBuilder().setDelivery(proto(d)).build();
  }

  private WebhookSubscription proto(Webhook w) {
    WebhookSubscription.Builder b =
        WebhookSubscription.newBuilder()
            .setSubscriptionId(w.id())
            .setAgencyId(w.agencyId())
            .setUrl(w.url())
            .setEnabled(w.enabled())
            .setHealth(health(w))
            .setDeadLetterCount(store.deadLetterCount(w.id()))
            .setEtag("W/\"" + w.version() + "\"");
    w.kinds().stream()
        .sorted()
        .forEach(k -> b.addKinds(NotificationKind.valueOf("NOTIFICATION_KIND_" + k)));
    if (w.lastSuccess() != null) {
      b.setLastSuccessTime(NotificationMapping.timestamp(w.lastSuccess()));
    }
    if (w.lastFailure() != null) {
      b.setLastFailureTime(NotificationMapping.timestamp(w.lastFailure()));
    }
    return b.build();
  }

  private WebhookHealth health(Webhook w) {
    if (!w.enabled()) {
      return WebhookHealth.WEBHOOK_HEALTH_DISABLED;
    }
    CircuitBreaker.State state = breakers.apply(w.id()).getState();
    if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
      return WebhookHealth.WEBHOOK_HEALTH_CIRCUIT_OPEN;
    }
    boolean failing =
        w.lastFailure() != null
            && (w.lastSuccess() == null || w.lastFailure().isAfter(w.lastSuccess()));
    return failing ? WebhookHealth.WEBHOOK_HEALTH_DEGRADED : WebhookHealth.WEBHOOK_HEALTH_HEALTHY;
  }

  private static WebhookDelivery proto(Delivery d) {
    WebhookDelivery.Builder b =
        WebhookDelivery.newBuilder()
            .setDeliveryId(d.id())
            .setSubscriptionId(d.webhookId())
            .setNotificationId(d.notificationId())
            .setIdempotencyKey(d.idempotencyKey())
            .setStatus(DeliveryStatus.valueOf("DELIVERY_STATUS_" + d.status().name()))
            .setNextAttemptTime(NotificationMapping.timestamp(d.nextAttempt()))
            .setCreateTime(NotificationMapping.timestamp(d.createTime()));
    d.attempts()
        .forEach(a ->
            b.addAttempts(
                DeliveryAttempt.newBuilder()
                    .setTime(NotificationMapping.timestamp(a.time()))
                    .setHttpStatus(a.httpStatus())
                    .setError(a.error())
                    .setLatency(
                        com.google.protobuf.Duration.newBuilder()
                            .setSeconds(a.latencyMillis() / 1000)
                            .setNanos((int) (a.latencyMillis() % 1000) * 1_000_000))));
    return b.build();
  }

  private static Set<String> kinds(List<NotificationKind> kinds) {
    Set<String> out = new HashSet<>();
    kinds.forEach(k -> {
      String name = NotificationMapping.kind(k);
      if (!name.isEmpty()) {
        out.add(name);
      }
    });
    return out;
  }

  private static long version(String etag) {
    try {
      return Long.parseLong(etag.replace("W/", "").replace("\"", "").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw TaskforceException.invalidArgument(field, "is required");
    }
    return value;
  }
}
