package org.taskforce.notifications.application;

import java.time.Clock;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/** Acknowledges one of the caller's notifications for its agency (a second time is harmless). */
public final class AcknowledgeNotification {
  /** Which notification, with an optional note; checked when made. */
  public record Command(String notificationId, String note) {
    public Command {
      RequiredId.check("notification_id", notificationId);
      Violations violations = new Violations();
      Bounds.max(violations, "note", note, Bounds.NOTE);
      violations.throwIfAny();
      note = note == null ? "" : note;
    }
  }

  private final NotificationStore store;
  private final Clock clock;

  public AcknowledgeNotification(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Notification acknowledge(AgencyPrincipal caller, Command command) {
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
