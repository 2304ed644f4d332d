package org.taskforce.notifications.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.taskforce.notifications.domain.Notification;

/**
 * Alerts that need acknowledgement and are still unacknowledged {@code lead} before their deadline
 * escalate to the task force's watch officers — exactly once, whichever replica runs it.
 */
public final class Escalation {
  private final NotificationStore store;
  private final Notifications notifications;
  private final String watchAgencyId;
  private final Duration lead;
  private final Clock clock;

  public Escalation(
      NotificationStore store,
      Notifications notifications,
      String watchAgencyId,
      Duration lead,
      Clock clock) {
    this.store = store;
    this.notifications = notifications;
    this.watchAgencyId = watchAgencyId;
    this.lead = lead;
    this.clock = clock;
  }

  /** Escalates what is due; returns how many. */
  public int run() {
    int escalated = 0;
    for (Notification n : store.dueForEscalation(clock.instant().plus(lead), 200)) {
      if (!store.markEscalated(n.id())) {
        continue; // another replica did it
      }
      notifications.publishAs(
          "notification-service",
          new Notifications.Publication(
              "escalation:" + n.id(),
              List.of(new Notification.Recipient(watchAgencyId, "", "watch-officer")),
              "ESCALATION",
              "CRITICAL",
              "Unacknowledged: " + n.title(),
              "Nobody at "
                  + n.recipient().agencyId()
                  + " has acknowledged '"
                  + n.title()
                  + "' due "
                  + n.acknowledgeDeadline()
                  + ". "
                  + n.body(),
              n.resource(),
              Map.of("notification_id", n.id(), "agency_id", n.recipient().agencyId()),
              true,
              null)); // the escalation itself does not escalate again
      escalated++;
    }
    return escalated;
  }
}
