package org.taskforce.notifications.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.security.AgencyPrincipal;

/** The caller's inbox: notifications meant for it, newest first, a page at a time. */
public final class ListInbox {
  /**
   * Which notifications, and where the page starts.
   *
   * @param kinds only these kinds; all when empty
   * @param pageSize at least 1 (the adapter has applied the default and the maximum)
   * @param before the position to continue before; {@code Long.MAX_VALUE} for the first page
   */
  public record Query(
      boolean unreadOnly,
      Set<String> kinds,
      boolean needsAcknowledgementOnly,
      int pageSize,
      long before) {
    public Query {
      kinds = Set.copyOf(kinds);
    }
  }

  /**
   * One page of an inbox, newest first.
   *
   * @param next the position to continue before, or -1 when this page is the last
   */
  public record Page(List<Notification> items, long next, int unreadCount) {}

  private final NotificationStore store;

  public ListInbox(NotificationStore store) {
    this.store = store;
  }

  /** A page is full unless it is the last one. */
  public Page inbox(AgencyPrincipal caller, Query query) {
    int pageSize = query.pageSize();
    List<Notification> visible = new ArrayList<>(pageSize + 1);
    long from = query.before();
    // The store filters by recipient too; checking again here keeps the rule in one place.
    while (visible.size() <= pageSize) {
      List<Notification> batch =
          store.inbox(
              caller.agencyId(),
              caller.subject(),
              caller.roles(),
              caller.isPartnerSystem(),
              query.unreadOnly(),
              query.kinds(),
              query.needsAcknowledgementOnly(),
              from,
              pageSize + 1);
      for (Notification notification : batch) {
        from = notification.sequence();
        if (Audience.sees(caller, notification) && visible.size() <= pageSize) {
          visible.add(notification);
        }
      }
      if (batch.size() < pageSize + 1) {
        break;
      }
    }
    boolean more = visible.size() > pageSize;
    List<Notification> page = more ? visible.subList(0, pageSize) : visible;
    return new Page(
        List.copyOf(page),
        more ? page.getLast().sequence() : -1,
        store.unreadCount(
            caller.agencyId(), caller.subject(), caller.roles(), caller.isPartnerSystem()));
  }
}
