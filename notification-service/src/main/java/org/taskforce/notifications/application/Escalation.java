package org.taskforce.notifications.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.faults.WriteSeams;

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
  private final PublishNotifications publishing;
  private final String watchAgencyId;
  private final Duration lead;
  private final Clock clock;
  private final WriteSeams seams;

  public Escalation(
      NotificationStore store,
      PublishNotifications publishing,
      String watchAgencyId,
      Duration lead,
      Clock clock) {
    this(store, publishing, watchAgencyId, lead, clock, WriteSeams.NONE);
  }

  public Escalation(
      NotificationStore store,
      PublishNotifications publishing,
      String watchAgencyId,
      Duration lead,
      Clock clock,
      WriteSeams seams) {
    this.seams = seams;
    this.store = store;
    this.publishing = publishing;
    this.watchAgencyId = watchAgencyId;
    this.lead = lead;
    this.clock = clock;
  }

  /** Escalates what is due; returns how many. */
  public int run() {
    int escalated = 0;
    for (Notification overdue : store.dueForEscalation(clock.instant().plus(lead), 200)) {
      publishing.publishAs(
          "notification-service",
          new Publication(
              "escalation:" + overdue.id(),
              List.of(new Notification.Recipient(watchAgencyId, "", "watch-officer")),
              "ESCALATION",
              "CRITICAL",
              clip("Unacknowledged: " + overdue.title(), Bounds.TITLE),
              clip(
                  "Nobody at "
                      + overdue.recipient().agencyId()
                      + " has acknowledged '"
                      + overdue.title()
                      + "' due "
                      + overdue.acknowledgeDeadline()
                      + ". "
                      + overdue.body(),
                  Bounds.BODY),
              overdue.resource(),
              Map.of("notification_id", overdue.id(), "agency_id", overdue.recipient().agencyId()),
              true,
              null)); // the escalation itself does not escalate again
      seams.reached("escalation.published");
      if (store.markEscalated(overdue.id())) {
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
