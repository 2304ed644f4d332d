package org.taskforce.cases.adapter.notification;

import org.taskforce.cases.application.PendingNotices;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.NoticeOutbox;
import org.taskforce.platform.outbox.Outbox;

/** Notices go into the service's outbox; {@link CaseNoticeRelay} delivers them. */
public final class OutboxPendingNotices implements PendingNotices {
  private final NoticeOutbox notices;
  private final Outbox outbox;

  public OutboxPendingNotices(Outbox outbox) {
    this.notices = new NoticeOutbox(outbox);
    this.outbox = outbox;
  }

  @Override
  public void prepare(Notice notice) {
    notices.prepare(notice);
  }

  @Override
  public void commit(Notice notice) {
    notices.commit(notice);
  }

  @Override
  public void abandon(String noticeId) {
    outbox.abandon(noticeId);
  }
}
