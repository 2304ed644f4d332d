package org.taskforce.cases.adapter.notification;

import java.util.List;
import org.taskforce.cases.application.CaseNotices;
import org.taskforce.platform.notify.NoticePublisher;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxMessage;

/**
 * Delivers case notices to notification-service ({@link NoticePublisher}); a notice prepared but
 * never committed goes out only if {@link CaseNotices#applied} finds its change stored.
 */
public final class CaseNoticeRelay implements OutboxHandler {
  private final NoticePublisher publisher;
  private final CaseNotices notices;

  public CaseNoticeRelay(NoticePublisher publisher, CaseNotices notices) {
    this.publisher = publisher;
    this.notices = notices;
  }

  @Override
  public String topic() {
    return publisher.topic();
  }

  @Override
  public void deliver(OutboxMessage message) {
    publisher.deliver(message);
  }

  @Override
  public int maxBatch() {
    return publisher.maxBatch();
  }

  @Override
  public void deliverAll(List<OutboxMessage> messages) {
    publisher.deliverAll(messages);
  }

  @Override
  public boolean applied(OutboxMessage message) {
    return notices.applied(message.id(), message.payload().getString("resource"));
  }
}
