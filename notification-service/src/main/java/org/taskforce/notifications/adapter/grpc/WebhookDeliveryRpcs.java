package org.taskforce.notifications.adapter.grpc;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.notifications.v1.DeliveryStatus;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesRequest;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesResponse;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryRequest;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryResponse;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.application.RequiredId;
import org.taskforce.notifications.application.WebhookDeliveries;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/** A subscription's deliveries: ListWebhookDeliveries and RedeliverWebhookDelivery. */
public final class WebhookDeliveryRpcs {
  private static final String STATUS_PREFIX = "DELIVERY_STATUS_";

  private final WebhookDeliveries deliveries;
  private final PageTokens pageTokens;

  public WebhookDeliveryRpcs(WebhookDeliveries deliveries, PageTokens pageTokens) {
    this.deliveries = deliveries;
    this.pageTokens = pageTokens;
  }

  ListWebhookDeliveriesResponse list(ListWebhookDeliveriesRequest request) {
    AgencyPrincipal caller = CallerContext.principal();
    Violations violations = new Violations();
    int size = Bounds.pageSize(violations, request.getPageSize());
    Set<Delivery.Status> statuses = statuses(request.getStatusesValueList(), violations);
    String subscriptionId =
        RequiredId.check(violations, "subscription_id", request.getSubscriptionId());
    violations.throwIfAny();
    PageQuery query =
        PageQuery.of("notifications.webhook-deliveries")
            .with("agency", caller.agencyId())
            .with("subscription", subscriptionId)
            .with("statuses", statuses);
    Page<Delivery> page =
        pageTokens.page(
            query,
            request.getPageToken(),
            size,
            (position, limit) ->
                deliveries.list(caller, subscriptionId, statuses, before(position), limit),
            delivery -> List.of(Long.toString(delivery.sequence())));
    ListWebhookDeliveriesResponse.Builder response =
        ListWebhookDeliveriesResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(delivery -> response.addDeliveries(WebhookMapping.toProto(delivery)));
    return response.build();
  }

  RedeliverWebhookDeliveryResponse redeliver(RedeliverWebhookDeliveryRequest request) {
    Delivery delivery =
        deliveries.redeliver(
            CallerContext.principal(),
            new WebhookDeliveries.RedeliverCommand(
                request.getSubscriptionId(), request.getDeliveryId()));
    return RedeliverWebhookDeliveryResponse.newBuilder()
        .setDelivery(WebhookMapping.toProto(delivery))
        .build();
  }

  /** Deliveries are listed newest first: a token names the position to continue before. */
  private static long before(List<String> position) {
    return position.isEmpty() ? Long.MAX_VALUE : PageTokens.number(position, 0);
  }

  /** The statuses a filter names (unset entries ignored); an unknown number is a violation. */
  private static Set<Delivery.Status> statuses(List<Integer> numbers, Violations violations) {
    Bounds.count(violations, "statuses", numbers, Bounds.ENUM_LIST);
    Set<Delivery.Status> statuses = EnumSet.noneOf(Delivery.Status.class);
    for (int index = 0; index < numbers.size() && index < Bounds.ENUM_LIST; index++) {
      int number = numbers.get(index);
      DeliveryStatus status = DeliveryStatus.forNumber(number);
      if (status == null) {
        violations.add("statuses[" + index + "]", "unknown delivery status " + number);
      } else if (number > 0) {
        statuses.add(Delivery.Status.valueOf(status.name().substring(STATUS_PREFIX.length())));
      }
    }
    return statuses;
  }
}
