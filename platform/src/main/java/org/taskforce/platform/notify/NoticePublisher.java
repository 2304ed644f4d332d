package org.taskforce.platform.notify;

import io.grpc.Channel;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bson.Document;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.Severity;
import org.taskforce.platform.grpc.ProtoTimes;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxMessage;

/**
 * Delivers the outbox's {@link Notice}s to notification-service's PublishNotification with the
 * service's own client-credentials token (added by the platform's client interceptor). The outbox
 * id is the event id, so notification-service stores each notice once however often it arrives.
 */
public final class NoticePublisher implements OutboxHandler {
  /** notification-service takes at most this many per BatchPublishNotifications call. */
  static final int MAX_BATCH = 500;

  private final Channel channel;
  private final Duration timeout;
  private final Predicate<String> resourceExists;

  /**
   * @param resourceExists for a notice prepared but never committed: does the resource it announces
   *     exist (then it is delivered), or did the change not happen (then it is dropped)
   */
  public NoticePublisher(Channel channel, Duration timeout, Predicate<String> resourceExists) {
    this.channel = channel;
    this.timeout = timeout;
    this.resourceExists = resourceExists;
  }

  @Override
  public String topic() {
    return NoticeOutbox.TOPIC;
  }

  @Override
  public void deliver(OutboxMessage message) {
    NotificationServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .publishNotification(request(message.id(), message.payload()));
  }

  /** Pending notices go to notification-service as one BatchPublishNotifications call. */
  @Override
  public int maxBatch() {
    return MAX_BATCH;
  }

  @Override
  public void deliverAll(List<OutboxMessage> messages) {
    BatchPublishNotificationsRequest.Builder batch = BatchPublishNotificationsRequest.newBuilder();
    messages.forEach(m -> batch.addRequests(request(m.id(), m.payload())));
    NotificationServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .batchPublishNotifications(batch.build());
  }

  @Override
  public boolean applied(OutboxMessage message) {
    return resourceExists.test(message.payload().getString("resource"));
  }

  /** The PublishNotification request for an outbox entry written by {@link NoticeOutbox}. */
  public static PublishNotificationRequest request(String eventId, Document p) {
    PublishNotificationRequest.Builder b =
        PublishNotificationRequest.newBuilder()
            .setEventId(eventId)
            .setKind(NotificationKind.valueOf("NOTIFICATION_KIND_" + p.getString("kind")))
            .setSeverity(Severity.valueOf("SEVERITY_" + p.getString("severity")))
            .setTitle(p.getString("title"))
            .setBody(p.getString("body"))
            .setResource(p.getString("resource"))
            .setRequiresAcknowledgement(p.getBoolean("requiresAcknowledgement", false));
    for (Document r : p.getList("recipients", Document.class)) {
      b.addRecipients(
          Recipient.newBuilder()
              .setAgencyId(r.getString("agencyId"))
              .setRole(nonNull(r.getString("role")))
              .setUserSubject(nonNull(r.getString("userSubject"))));
    }
    Document attributes = p.get("attributes", Document.class);
    if (attributes != null) {
      attributes.forEach((k, v) -> b.putAttributes(k, String.valueOf(v)));
    }
    Date deadline = p.getDate("acknowledgeDeadline");
    if (deadline != null) {
      b.setAcknowledgeDeadline(ProtoTimes.timestamp(deadline.toInstant()));
    }
    return b.build();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
