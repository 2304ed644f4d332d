package org.taskforce.cases.adapter.notification;

import java.util.List;
import org.taskforce.cases.application.CaseNotices;
import org.taskforce.cases.application.PreparedNotices;
import org.taskforce.platform.notify.NoticePublisher;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxMessage;

/**
 * Delivers case-service's notices (cases and tips) to notification-service ({@link
 * NoticePublisher}); a notice prepared but never committed goes out only if the context owning its
 * resource ({@link CaseNotices#applied}, the intake's for tips) finds its change stored.
 */
public final class CaseNoticeRelay implements OutboxHandler {
  private final NoticePublisher publisher;
  private final List<PreparedNotices> prepared;

  public CaseNoticeRelay(NoticePublisher publisher, List<? extends PreparedNotices> prepared) {
    this.publisher = publisher;
    this.prepared = List.copyOf(prepared);
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
    String resource = message.payload().getString("resource");
    return prepared.stream()
        .filter(p -> p.owns(resource))
        .findFirst()
        .map(p -> p.applied(message.id(), resource))
        .orElse(true);
  }
}
