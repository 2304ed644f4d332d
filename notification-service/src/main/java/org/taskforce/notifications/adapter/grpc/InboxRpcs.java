package org.taskforce.notifications.adapter.grpc;

import java.util.List;
import java.util.Set;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationRequest;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationResponse;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.MarkNotificationReadRequest;
import org.taskforce.api.notifications.v1.MarkNotificationReadResponse;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.application.ListInbox;
import org.taskforce.notifications.application.NotificationReceipts;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/** The agency inbox: ListNotifications, MarkNotificationRead, AcknowledgeNotification. */
public final class InboxRpcs {
  private final ListInbox inbox;
  private final NotificationReceipts receipts;
  private final PageTokens pageTokens;

  public InboxRpcs(ListInbox inbox, NotificationReceipts receipts, PageTokens pageTokens) {
    this.inbox = inbox;
    this.receipts = receipts;
    this.pageTokens = pageTokens;
  }

  ListNotificationsResponse list(ListNotificationsRequest request) {
    AgencyPrincipal caller = CallerContext.principal();
    Violations violations = new Violations();
    int size = Bounds.pageSize(violations, request.getPageSize());
    Set<String> kinds = NotificationMapping.kinds(request.getKindsValueList(), "kinds", violations);
    violations.throwIfAny();
    // The token is bound to everything that decides what the list holds.
    PageQuery query =
        PageQuery.of("notifications.inbox")
            .with("agency", caller.agencyId())
            .with("user", caller.subject())
            .with("unread_only", request.getUnreadOnly())
            .with("needs_acknowledgement_only", request.getNeedsAcknowledgementOnly())
            .with("kinds", kinds);
    long before =
        pageTokens
            .read(query, request.getPageToken())
            .map(position -> PageTokens.number(position, 0))
            .orElse(Long.MAX_VALUE);
    ListInbox.Page page =
        inbox.inbox(
            caller,
            new ListInbox.Query(
                request.getUnreadOnly(),
                kinds,
                request.getNeedsAcknowledgementOnly(),
                size,
                before));
    ListNotificationsResponse.Builder response =
        ListNotificationsResponse.newBuilder()
            .setNextPageToken(
                page.next() < 0 ? "" : pageTokens.issue(query, List.of(Long.toString(page.next()))))
            .setUnreadCount(page.unreadCount());
    page.items().forEach(n -> response.addNotifications(NotificationMapping.toProto(n)));
    return response.build();
  }

  MarkNotificationReadResponse markRead(MarkNotificationReadRequest request) {
    NotificationReceipts.MarkReadCommand command =
        new NotificationReceipts.MarkReadCommand(request.getNotificationId());
    return MarkNotificationReadResponse.newBuilder()
        .setNotification(
            NotificationMapping.toProto(receipts.markRead(CallerContext.principal(), command)))
        .build();
  }

  AcknowledgeNotificationResponse acknowledge(AcknowledgeNotificationRequest request) {
    NotificationReceipts.AcknowledgeCommand command =
        new NotificationReceipts.AcknowledgeCommand(request.getNotificationId(), request.getNote());
    return AcknowledgeNotificationResponse.newBuilder()
        .setNotification(
            NotificationMapping.toProto(receipts.acknowledge(CallerContext.principal(), command)))
        .build();
  }
}
