package org.taskforce.notifications.adapter.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
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
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.application.WebhookStore;
import org.taskforce.notifications.application.Webhooks;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/** Webhook messages ⇄ the Webhooks use cases; health comes from the endpoint's breaker. */
public final class WebhookEndpoints {
  private final Webhooks webhooks;
  private final WebhookStore store;
  private final Function<String, CircuitBreaker> breakers;
  private final PageTokens pageTokens;

  public WebhookEndpoints(
      Webhooks webhooks,
      WebhookStore store,
      Function<String, CircuitBreaker> breakers,
      PageTokens pageTokens) {
    this.webhooks = webhooks;
    this.pageTokens = pageTokens;
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
    AgencyPrincipal caller = CallerContext.principal();
    Violations v = new Violations();
    int size = Bounds.pageSize(v, r.getPageSize());
    v.throwIfAny();
    Webhooks.requireAdmin(caller);
    PageQuery query = PageQuery.of("notifications.webhooks").with("agency", caller.agencyId());
    WebhookStore.Position after =
        pageTokens
            .read(query, r.getPageToken())
            .map(position ->
                new WebhookStore.Position(
                    Instant.ofEpochMilli(PageTokens.number(position, 0)),
                    PageTokens.part(position, 1)))
            .orElse(null);
    List<Webhook> page = webhooks.list(caller, after, size + 1);
    boolean more = page.size() > size;
    List<Webhook> shown = more ? page.subList(0, size) : page;
    ListWebhookSubscriptionsResponse.Builder b = ListWebhookSubscriptionsResponse.newBuilder();
    if (more) {
      Webhook last = shown.getLast();
      b.setNextPageToken(
          pageTokens.issue(
              query, List.of(Long.toString(last.createTime().toEpochMilli()), last.id())));
    }
    shown.forEach(w -> b.addSubscriptions(proto(w)));
    return b.build();
  }

  CreateWebhookSubscriptionResponse create(CreateWebhookSubscriptionRequest r) {
    AgencyPrincipal caller = CallerContext.principal();
    Webhooks.requireAdmin(caller);
    WebhookSubscription s = r.getSubscription();
    Violations v = new Violations();
    Set<String> kinds = NotificationMapping.kinds(s.getKindsValueList(), "subscription.kinds", v);
    Bounds.max(v, "request_id", r.getRequestId(), Bounds.ID);
    v.throwIfAny();
    // Stored as asked: like every proto3 bool, an unset `enabled` is false (a disabled endpoint).
    Webhook w =
        webhooks.create(
            caller,
            new Webhooks.Draft(s.getUrl(), s.getSecret(), kinds, s.getEnabled()),
            r.getRequestId());
    return CreateWebhookSubscriptionResponse.newBuilder().setSubscription(proto(w)).build();
  }

  UpdateWebhookSubscriptionResponse update(UpdateWebhookSubscriptionRequest r) {
    AgencyPrincipal caller = CallerContext.principal();
    Webhooks.requireAdmin(caller);
    WebhookSubscription s = r.getSubscription();
    Violations v = new Violations();
    Bounds.count(
        v, "update_mask.paths", r.getUpdateMask().getPathsList(), Bounds.UPDATE_MASK_PATHS);
    Set<String> fields = new HashSet<>();
    for (String f : r.getUpdateMask().getPathsList()) {
      if (!Set.of("url", "secret", "kinds", "enabled").contains(f)) {
        v.add(
            "update_mask",
            "\"" + clip(f) + "\" cannot be changed; updatable: url, secret, kinds, enabled");
      }
      fields.add(f);
    }
    Set<String> kinds = NotificationMapping.kinds(s.getKindsValueList(), "subscription.kinds", v);
    if (s.getEtag().isBlank()) {
      v.add("subscription.etag", "is required");
    }
    Bounds.max(v, "subscription.etag", s.getEtag(), Bounds.ID);
    v.throwIfAny();
    Webhook w =
        webhooks.update(
            caller,
            required("subscription.subscription_id", s.getSubscriptionId()),
            version(s.getEtag()),
            new Webhooks.Draft(s.getUrl(), s.getSecret(), kinds, s.getEnabled()),
            fields);
    return UpdateWebhookSubscriptionResponse.newBuilder().setSubscription(proto(w)).build();
  }

  private static String clip(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }

  DeleteWebhookSubscriptionResponse delete(DeleteWebhookSubscriptionRequest r) {
    webhooks.delete(CallerContext.principal(), required("subscription_id", r.getSubscriptionId()));
    return DeleteWebhookSubscriptionResponse.getDefaultInstance();
  }

  ListWebhookDeliveriesResponse deliveries(ListWebhookDeliveriesRequest r) {
    AgencyPrincipal caller = CallerContext.principal();
    Violations v = new Violations();
    int size = Bounds.pageSize(v, r.getPageSize());
    Bounds.count(v, "statuses", r.getStatusesValueList(), Bounds.ENUM_LIST);
    Set<Delivery.Status> statuses = EnumSet.noneOf(Delivery.Status.class);
    for (int i = 0; i < r.getStatusesCount() && i < Bounds.ENUM_LIST; i++) {
      int number = r.getStatusesValue(i);
      DeliveryStatus status = DeliveryStatus.forNumber(number);
      if (status == null) {
        v.add("statuses[" + i + "]", "unknown delivery status " + number);
      } else if (number > 0) {
        statuses.add(Delivery.Status.valueOf(status.name().substring("DELIVERY_STATUS_".length())));
      }
    }
    String webhookId = required("subscription_id", r.getSubscriptionId(), v);
    v.throwIfAny();
    PageQuery query =
        PageQuery.of("notifications.webhook-deliveries")
            .with("agency", caller.agencyId())
            .with("subscription", webhookId)
            .with("statuses", statuses);
    long before =
        pageTokens
            .read(query, r.getPageToken())
            .map(position -> PageTokens.number(position, 0))
            .orElse(Long.MAX_VALUE);
    List<Delivery> page = webhooks.deliveries(caller, webhookId, statuses, before, size + 1);
    boolean more = page.size() > size;
    List<Delivery> shown = more ? page.subList(0, size) : page;
    ListWebhookDeliveriesResponse.Builder b = ListWebhookDeliveriesResponse.newBuilder();
    if (more) {
      b.setNextPageToken(
          pageTokens.issue(query, List.of(Long.toString(shown.getLast().sequence()))));
    }
    shown.forEach(d -> b.addDeliveries(proto(d)));
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

  private static long version(String etag) {
    try {
      return Long.parseLong(etag.replace("W/", "").replace("\"", "").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String required(String field, String value) {
    Violations v = new Violations();
    required(field, value, v);
    v.throwIfAny();
    return value;
  }

  private static String required(String field, String value, Violations v) {
    v.requireText(field, value);
    Bounds.max(v, field, value, Bounds.ID);
    return value;
  }
}
