package org.taskforce.notifications.adapter.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationRequest;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationResponse;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsResponse;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesRequest;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesResponse;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsRequest;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsResponse;
import org.taskforce.api.notifications.v1.MarkNotificationReadRequest;
import org.taskforce.api.notifications.v1.MarkNotificationReadResponse;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.PublishNotificationResponse;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryRequest;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryResponse;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionResponse;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.application.NotificationStore;
import org.taskforce.notifications.application.Notifications;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/** The NotificationService contract: publish, inbox, streams, webhooks and their deliveries. */
public final class NotificationGrpcService
    extends NotificationServiceGrpc.NotificationServiceImplBase {
  static final Duration MIN_HEARTBEAT = Duration.ofSeconds(1);
  static final Duration MAX_HEARTBEAT = Duration.ofSeconds(60);
  static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

  private final Notifications notifications;
  private final PageTokens pageTokens;
  private final NotificationStore store;
  private final NotificationStreams streams;
  private final WebhookEndpoints webhooks;
  private final Function<String, Instant> tokenExpiry;

  /**
   * @param tokenExpiry when a (verified) bearer token expires; a stream ends then
   */
  public NotificationGrpcService(
      Notifications notifications,
      NotificationStore store,
      NotificationStreams streams,
      WebhookEndpoints webhooks,
      PageTokens pageTokens,
      Function<String, Instant> tokenExpiry) {
    this.notifications = notifications;
    this.pageTokens = pageTokens;
    this.store = store;
    this.streams = streams;
    this.webhooks = webhooks;
    this.tokenExpiry = tokenExpiry;
  }

  @Override
  public void getWebhookSubscription(
      GetWebhookSubscriptionRequest r, StreamObserver<GetWebhookSubscriptionResponse> o) {
    o.onNext(webhooks.get(r));
    o.onCompleted();
  }

  @Override
  public void listWebhookSubscriptions(
      ListWebhookSubscriptionsRequest r, StreamObserver<ListWebhookSubscriptionsResponse> o) {
    o.onNext(webhooks.list(r));
    o.onCompleted();
  }

  @Override
  public void createWebhookSubscription(
      CreateWebhookSubscriptionRequest r, StreamObserver<CreateWebhookSubscriptionResponse> o) {
    o.onNext(webhooks.create(r));
    o.onCompleted();
  }

  @Override
  public void updateWebhookSubscription(
      UpdateWebhookSubscriptionRequest r, StreamObserver<UpdateWebhookSubscriptionResponse> o) {
    o.onNext(webhooks.update(r));
    o.onCompleted();
  }

  @Override
  public void deleteWebhookSubscription(
      DeleteWebhookSubscriptionRequest r, StreamObserver<DeleteWebhookSubscriptionResponse> o) {
    o.onNext(webhooks.delete(r));
    o.onCompleted();
  }

  @Override
  public void listWebhookDeliveries(
      ListWebhookDeliveriesRequest r, StreamObserver<ListWebhookDeliveriesResponse> o) {
    o.onNext(webhooks.deliveries(r));
    o.onCompleted();
  }

  @Override
  public void redeliverWebhookDelivery(
      RedeliverWebhookDeliveryRequest r, StreamObserver<RedeliverWebhookDeliveryResponse> o) {
    o.onNext(webhooks.redeliver(r));
    o.onCompleted();
  }

  @Override
  public void publishNotification(
      PublishNotificationRequest r, StreamObserver<PublishNotificationResponse> observer) {
    AgencyPrincipal caller = CallerContext.principal();
    Notifications.requireService(caller); // whatever the body holds
    Violations v = new Violations();
    Notifications.Publication p = publication(r, "", v);
    v.throwIfAny();
    observer.onNext(response(notifications.publish(caller, p)));
    observer.onCompleted();
  }

  @Override
  public void batchPublishNotifications(
      BatchPublishNotificationsRequest r,
      StreamObserver<BatchPublishNotificationsResponse> observer) {
    AgencyPrincipal caller = CallerContext.principal();
    Notifications.requireService(caller);
    Violations v = new Violations();
    List<Notifications.Publication> publications = new ArrayList<>(r.getRequestsCount());
    for (int i = 0;
        i < r.getRequestsCount() && r.getRequestsCount() <= Notifications.MAX_BATCH;
        i++) {
      publications.add(publication(r.getRequests(i), "requests[" + i + "].", v));
    }
    if (r.getRequestsCount() > Notifications.MAX_BATCH) {
      v.add(
          "requests",
          "at most "
              + Notifications.MAX_BATCH
              + " publications per call, got "
              + r.getRequestsCount());
    }
    v.throwIfAny();
    BatchPublishNotificationsResponse.Builder out = BatchPublishNotificationsResponse.newBuilder();
    notifications.publishAll(caller, publications).forEach(p -> out.addResponses(response(p)));
    observer.onNext(out.build());
    observer.onCompleted();
  }

  private static Notifications.Publication publication(
      PublishNotificationRequest r, String prefix, Violations v) {
    List<Notification.Recipient> recipients = new ArrayList<>();
    r.getRecipientsList()
        .forEach(x ->
            recipients.add(
                new Notification.Recipient(x.getAgencyId(), x.getUserSubject(), x.getRole())));
    return new Notifications.Publication(
        r.getEventId(),
        recipients,
        NotificationMapping.kind(r.getKindValue(), prefix + "kind", v),
        NotificationMapping.severity(r.getSeverityValue(), prefix + "severity", v),
        r.getTitle(),
        r.getBody(),
        r.getResource(),
        r.getAttributesMap(),
        r.getRequiresAcknowledgement(),
        deadline(r, prefix, v));
  }

  /** The deadline asked for, or none; an impossible time is a violation among the others. */
  private static java.time.Instant deadline(
      PublishNotificationRequest r, String prefix, Violations v) {
    if (!r.hasAcknowledgeDeadline()) {
      return null;
    }
    if (!org.taskforce.platform.grpc.ProtoTimes.isValid(r.getAcknowledgeDeadline())) {
      v.add(prefix + "acknowledge_deadline", "must be a time between 0001-01-01 and 9999-12-31");
      return null;
    }
    return NotificationMapping.instant(r.getAcknowledgeDeadline(), prefix + "acknowledge_deadline");
  }

  private static PublishNotificationResponse response(Notifications.Published p) {
    return PublishNotificationResponse.newBuilder()
        .addAllNotificationIds(p.notificationIds())
        .setDuplicate(p.duplicate())
        .build();
  }

  @Override
  public void listNotifications(
      ListNotificationsRequest r, StreamObserver<ListNotificationsResponse> observer) {
    AgencyPrincipal caller = CallerContext.principal();
    Violations v = new Violations();
    int size = Bounds.pageSize(v, r.getPageSize());
    Set<String> kinds = NotificationMapping.kinds(r.getKindsValueList(), "kinds", v);
    v.throwIfAny();
    // The token is bound to everything that decides what the list holds.
    PageQuery query =
        PageQuery.of("notifications.inbox")
            .with("agency", caller.agencyId())
            .with("user", caller.subject())
            .with("unread_only", r.getUnreadOnly())
            .with("needs_acknowledgement_only", r.getNeedsAcknowledgementOnly())
            .with("kinds", kinds);
    long before =
        pageTokens
            .read(query, r.getPageToken())
            .map(position -> PageTokens.number(position, 0))
            .orElse(Long.MAX_VALUE);
    Notifications.Page page =
        notifications.inbox(
            caller, r.getUnreadOnly(), kinds, r.getNeedsAcknowledgementOnly(), size, before);
    ListNotificationsResponse.Builder b =
        ListNotificationsResponse.newBuilder()
            .setNextPageToken(
                page.next() < 0 ? "" : pageTokens.issue(query, List.of(Long.toString(page.next()))))
            .setUnreadCount(page.unreadCount());
    page.items().forEach(n -> b.addNotifications(NotificationMapping.toProto(n)));
    observer.onNext(b.build());
    observer.onCompleted();
  }

  @Override
  public void markNotificationRead(
      MarkNotificationReadRequest r, StreamObserver<MarkNotificationReadResponse> observer) {
    observer.onNext(
        MarkNotificationReadResponse.newBuilder()
            .setNotification(
                NotificationMapping.toProto(
                    notifications.markRead(
                        CallerContext.principal(), required(r.getNotificationId()))))
            .build());
    observer.onCompleted();
  }

  @Override
  public void acknowledgeNotification(
      AcknowledgeNotificationRequest r, StreamObserver<AcknowledgeNotificationResponse> observer) {
    observer.onNext(
        AcknowledgeNotificationResponse.newBuilder()
            .setNotification(
                NotificationMapping.toProto(
                    notifications.acknowledge(
                        CallerContext.principal(), required(r.getNotificationId()), r.getNote())))
            .build());
    observer.onCompleted();
  }

  @Override
  public void subscribeNotifications(
      SubscribeNotificationsRequest r, StreamObserver<SubscribeNotificationsResponse> observer) {
    AgencyPrincipal caller = CallerContext.principal();
    Violations v = new Violations();
    Set<String> kinds = NotificationMapping.kinds(r.getKindsValueList(), "kinds", v);
    Bounds.max(v, "after_cursor", r.getAfterCursor(), Bounds.CURSOR);
    v.throwIfAny();
    long after;
    if (r.getAfterCursor().isEmpty()) {
      after = store.latestSequence(caller.agencyId());
    } else {
      after = Notification.sequenceOf(r.getAfterCursor());
      if (after < 0) {
        throw TaskforceException.invalidArgument(
            "after_cursor", "is not a cursor this service issued");
      }
    }
    Duration heartbeat = DEFAULT_HEARTBEAT;
    if (r.hasHeartbeatInterval()) {
      Duration asked =
          org.taskforce.platform.grpc.ProtoTimes.duration(
              r.getHeartbeatInterval(), "heartbeat_interval");
      heartbeat =
          asked.compareTo(MIN_HEARTBEAT) < 0
              ? MIN_HEARTBEAT
              : asked.compareTo(MAX_HEARTBEAT) > 0 ? MAX_HEARTBEAT : asked;
    }
    streams.open(
        caller,
        after,
        kinds,
        heartbeat,
        CallerContext.bearerToken().map(tokenExpiry).orElse(null),
        (ServerCallStreamObserver<SubscribeNotificationsResponse>) observer);
  }

  private static String required(String id) {
    if (id == null || id.isBlank()) {
      throw TaskforceException.invalidArgument("notification_id", "is required");
    }
    if (id.length() > Bounds.ID) {
      throw TaskforceException.invalidArgument(
          "notification_id", "at most " + Bounds.ID + " characters, got " + id.length());
    }
    return id;
  }
}
