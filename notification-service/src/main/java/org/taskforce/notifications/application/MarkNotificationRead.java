package org.taskforce.notifications.application;

import java.time.Clock;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.security.AgencyPrincipal;

/** Marks one of the caller's notifications read (once; reading again changes nothing). */
public final class MarkNotificationRead {
  /** Which notification; checked when made. */
  public record Command(String notificationId) {
    public Command {
      RequiredId.check("notification_id", notificationId);
    }
  }

  private final NotificationStore store;
  private final Clock clock;

  public MarkNotificationRead(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Notification markRead(AgencyPrincipal caller, Command command) {
    Notification notification = Audience.visibleOrNotFound(store, caller, command.notificationId());
    return notification.readTime() != null
        ? notification
        : store.markRead(notification.id(), clock.instant());
  }
}
