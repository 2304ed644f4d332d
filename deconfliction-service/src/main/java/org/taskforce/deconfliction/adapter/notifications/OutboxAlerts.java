package org.taskforce.deconfliction.adapter.notifications;

import java.util.List;
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
  public void prepare(Notice alert) {
    outbox.prepare(alert);
  }

  @Override
  public void commit(Notice alert) {
    outbox.commit(alert);
  }

  @Override
  public void sendAll(List<Notice> alerts) {
    outbox.sendAll(alerts);
  }
}
