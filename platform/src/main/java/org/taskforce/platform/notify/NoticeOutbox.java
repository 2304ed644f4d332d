package org.taskforce.platform.notify;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.taskforce.platform.outbox.Outbox;

/**
 * Puts {@link Notice}s into the service's {@link Outbox} under topic {@value #TOPIC}; {@link
 * NoticePublisher} delivers them to notification-service. Never lost while notification-service is
 * down; delivered once in effect (notification-service is idempotent on the id).
 */
public final class NoticeOutbox implements PendingNotices {
  public static final String TOPIC = "notification";
  private final Outbox outbox;

  public NoticeOutbox(Outbox outbox) {
    this.outbox = outbox;
  }

  /** For a notice that is the change's only trace, or that may be sent twice harmlessly. */
  public void send(Notice notice) {
    outbox.record(notice.id(), TOPIC, toDocument(notice));
  }

  /** Several notices of the kind {@link #send} takes, in one round trip. */
  @Override
  public void sendAll(List<Notice> notices) {
    Map<String, Document> payloads = new LinkedHashMap<>();
    notices.forEach(n -> payloads.put(n.id(), toDocument(n)));
    outbox.recordAll(TOPIC, payloads);
  }

  /** Before the change it announces; {@link #commit} after it. */
  @Override
  public void prepare(Notice notice) {
    outbox.prepare(notice.id(), TOPIC, toDocument(notice));
  }

  /** Releases the prepared notice as this one words it (the change that happened). */
  @Override
  public void commit(Notice notice) {
    outbox.commit(notice.id(), toDocument(notice));
  }

  /** Drops a prepared notice whose change was not made. */
  @Override
  public void abandon(String noticeId) {
    outbox.abandon(noticeId);
  }

  static Document toDocument(Notice n) {
    List<Document> recipients = new ArrayList<>();
    n.recipients()
        .forEach(r ->
            recipients.add(
                new Document("agencyId", r.agencyId())
                    .append("role", r.role())
                    .append("userSubject", r.userSubject())));
    return new Document("kind", n.kind())
        .append("severity", n.severity())
        .append("recipients", recipients)
        .append("title", n.title())
        .append("body", n.body())
        .append("resource", n.resource())
        .append("attributes", new Document(new LinkedHashMap<String, Object>(n.attributes())))
        .append("requiresAcknowledgement", n.requiresAcknowledgement())
        .append(
            "acknowledgeDeadline",
            n.acknowledgeDeadline() == null ? null : Date.from(n.acknowledgeDeadline()));
  }
}
