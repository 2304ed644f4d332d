package org.taskforce.deconfliction.adapter.notifications;

import org.taskforce.deconfliction.application.Alert;
import org.taskforce.deconfliction.application.Alerts;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.NoticeOutbox;

/** Alerts go into the service's outbox; the platform's NoticePublisher delivers them. */
public final class OutboxAlerts implements Alerts {
  private final NoticeOutbox outbox;

  public OutboxAlerts(NoticeOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void prepare(Alert alert) {
    outbox.prepare(notice(alert));
  }

  @Override
  public void commit(Alert alert) {
    outbox.commit(notice(alert));
  }

  @Override
  public void send(Alert alert) {
    outbox.send(notice(alert));
  }

  static Notice notice(Alert a) {
    return new Notice(
        a.id(),
        a.kind(),
        a.severity(),
        a.recipients().stream().map(r -> new Notice.Recipient(r.agencyId(), r.role(), "")).toList(),
        a.title(),
        a.body(),
        a.resource(),
        a.attributes(),
        a.requiresAcknowledgement(),
        a.acknowledgeDeadline());
  }
}
