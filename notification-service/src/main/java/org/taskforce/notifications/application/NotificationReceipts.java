package org.taskforce.notifications.application;

import java.time.Clock;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What a caller records about one of its notifications: that it read it, that its agency
 * acknowledges it. Each happens once; doing it again changes nothing and answers as stored. A
 * notification the caller does not see is {@code NOT_FOUND}, like one that does not exist.
 */
public final class NotificationReceipts {
  /** Which notification was read; checked when made. */
  public record MarkReadCommand(String notificationId) {
    public MarkReadCommand {
      RequiredId.check("notification_id", notificationId);
    }
  }

  /** Which notification is acknowledged, with an optional note; checked when made. */
  public record AcknowledgeCommand(String notificationId, String note) {
    public AcknowledgeCommand {
      RequiredId.check("notification_id", notificationId);
      Violations violations = new Violations();
      Bounds.max(violations, "note", note, Bounds.NOTE);
      violations.throwIfAny();
      note = note == null ? "" : note;
    }
  }

  private final NotificationStore store;
  private final Clock clock;

  public NotificationReceipts(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Notification markRead(AgencyPrincipal caller, MarkReadCommand command) {
    Notification notification = Audience.visibleOrNotFound(store, caller, command.notificationId());
    return notification.readTime() != null
        ? notification
        : store.markRead(notification.id(), clock.instant());
  }

  public Notification acknowledge(AgencyPrincipal caller, AcknowledgeCommand command) {
    Notification notification = Audience.visibleOrNotFound(store, caller, command.notificationId());
    if (notification.acknowledged() != null) {
      return notification;
    }
    return store.acknowledge(
        notification.id(),
        new Notification.Acknowledgement(
            caller.subject(),
            caller.displayName(),
            caller.agencyId(),
            clock.instant(),
            command.note()));
  }
}
