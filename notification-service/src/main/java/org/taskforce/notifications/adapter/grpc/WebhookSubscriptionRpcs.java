package org.taskforce.notifications.adapter.grpc;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsRequest;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsResponse;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.application.CreateWebhookSubscription;
import org.taskforce.notifications.application.RequiredId;
import org.taskforce.notifications.application.UpdateWebhookSubscription;
import org.taskforce.notifications.application.WebhookDraft;
import org.taskforce.notifications.application.WebhookSubscriptions;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.grpc.UpdateMask;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/** Webhook subscriptions: Get, List, Create, Update and Delete WebhookSubscription. */
public final class WebhookSubscriptionRpcs {
  private final WebhookSubscriptions subscriptions;
  private final CreateWebhookSubscription create;
  private final UpdateWebhookSubscription update;
  private final WebhookMapping mapping;
  private final PageTokens pageTokens;

  public WebhookSubscriptionRpcs(
      WebhookSubscriptions subscriptions,
      CreateWebhookSubscription create,
      UpdateWebhookSubscription update,
      WebhookMapping mapping,
      PageTokens pageTokens) {
    this.subscriptions = subscriptions;
    this.create = create;
    this.update = update;
    this.mapping = mapping;
    this.pageTokens = pageTokens;
  }

  GetWebhookSubscriptionResponse get(GetWebhookSubscriptionRequest request) {
    String id = RequiredId.check("subscription_id", request.getSubscriptionId());
    Webhook webhook = subscriptions.get(CallerContext.principal(), id);
    return GetWebhookSubscriptionResponse.newBuilder()
        .setSubscription(mapping.toProto(webhook))
        .build();
  }

  ListWebhookSubscriptionsResponse list(ListWebhookSubscriptionsRequest request) {
    AgencyPrincipal caller = CallerContext.principal();
    Violations violations = new Violations();
    int size = Bounds.pageSize(violations, request.getPageSize());
    violations.throwIfAny();
    WebhookSubscriptions.requireAdmin(caller);
    PageQuery query = PageQuery.of("notifications.webhooks").with("agency", caller.agencyId());
    Page<Webhook> page =
        pageTokens.page(
            query,
            request.getPageToken(),
            size,
            (position, limit) -> subscriptions.list(caller, after(position), limit),
            webhook -> List.of(Long.toString(webhook.createTime().toEpochMilli()), webhook.id()));
    ListWebhookSubscriptionsResponse.Builder response =
        ListWebhookSubscriptionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(webhook -> response.addSubscriptions(mapping.toProto(webhook)));
    return response.build();
  }

  /** Where a page token says the last page ended (creation time, id); null for the first. */
  private static WebhookStore.Position after(List<String> position) {
    if (position.isEmpty()) {
      return null;
    }
    return new WebhookStore.Position(
        Instant.ofEpochMilli(PageTokens.number(position, 0)), PageTokens.part(position, 1));
  }

  CreateWebhookSubscriptionResponse create(CreateWebhookSubscriptionRequest request) {
    AgencyPrincipal caller = CallerContext.principal();
    WebhookSubscriptions.requireAdmin(caller);
    Violations violations = new Violations();
    WebhookDraft draft = draft(request.getSubscription(), violations);
    CreateWebhookSubscription.Command command =
        Commands.made(
            violations,
            "",
            () -> new CreateWebhookSubscription.Command(draft, request.getRequestId()));
    violations.throwIfAny();
    Webhook webhook = create.create(caller, command);
    return CreateWebhookSubscriptionResponse.newBuilder()
        .setSubscription(mapping.toProto(webhook))
        .build();
  }

  UpdateWebhookSubscriptionResponse update(UpdateWebhookSubscriptionRequest request) {
    AgencyPrincipal caller = CallerContext.principal();
    WebhookSubscriptions.requireAdmin(caller);
    WebhookSubscription subscription = request.getSubscription();
    Violations violations = new Violations();
    Set<String> fields =
        UpdateMask.paths(request.getUpdateMask(), UpdateWebhookSubscription.UPDATABLE, violations);
    WebhookDraft draft = draft(subscription, violations);
    UpdateWebhookSubscription.Command command =
        Commands.made(
            violations,
            "",
            () ->
                new UpdateWebhookSubscription.Command(
                    subscription.getSubscriptionId(), subscription.getEtag(), draft, fields));
    violations.throwIfAny();
    Webhook webhook = update.update(caller, command);
    return UpdateWebhookSubscriptionResponse.newBuilder()
        .setSubscription(mapping.toProto(webhook))
        .build();
  }

  DeleteWebhookSubscriptionResponse delete(DeleteWebhookSubscriptionRequest request) {
    String id = RequiredId.check("subscription_id", request.getSubscriptionId());
    subscriptions.delete(CallerContext.principal(), id);
    return DeleteWebhookSubscriptionResponse.getDefaultInstance();
  }

  /** The subscription as sent; its kinds decoded (an unknown number is a violation). */
  private static WebhookDraft draft(WebhookSubscription subscription, Violations violations) {
    Set<String> kinds =
        NotificationMapping.kinds(
            subscription.getKindsValueList(), "subscription.kinds", violations);
    return new WebhookDraft(
        subscription.getUrl(), subscription.getSecret(), kinds, subscription.getEnabled());
  }
}
