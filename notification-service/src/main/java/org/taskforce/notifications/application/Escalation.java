package org.taskforce.notifications.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.taskforce.notifications.domain.Notification;

/**
 * Alerts that need acknowledgement and are still unacknowledged {@code lead} before their deadline
 * escalate to the task force's watch officers — exactly once in effect, whichever replica runs it
 * and wherever a run stops: the escalation is published first, idempotently under an event id
 * derived from the notification (a second publish, by a retry or another replica, stores nothing),
 * and only then is the notification marked escalated, so a crash in between publishes again
 * harmlessly instead of never.
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
      notifications.publishAs(
          "notification-service",
          new Notifications.Publication(
              "escalation:" + n.id(),
              List.of(new Notification.Recipient(watchAgencyId, "", "watch-officer")),
              "ESCALATION",
              "CRITICAL",
              clip("Unacknowledged: " + n.title(), Bounds.TITLE),
              clip(
                  "Nobody at "
                      + n.recipient().agencyId()
                      + " has acknowledged '"
                      + n.title()
                      + "' due "
                      + n.acknowledgeDeadline()
                      + ". "
                      + n.body(),
                  Bounds.BODY),
              n.resource(),
              Map.of("notification_id", n.id(), "agency_id", n.recipient().agencyId()),
              true,
              null)); // the escalation itself does not escalate again
      if (store.markEscalated(n.id())) {
        escalated++; // counted once, by the run that marked it
      }
    }
    return escalated;
  }

  /** The original's longest title and body still fit the bounds of the escalation. */
  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
