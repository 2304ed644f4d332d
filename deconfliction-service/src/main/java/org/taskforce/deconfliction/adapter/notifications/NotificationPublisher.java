package org.taskforce.deconfliction.adapter.notifications;

import com.google.protobuf.Timestamp;
import io.grpc.Channel;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.Severity;
import org.taskforce.deconfliction.application.ConflictStore;
import org.taskforce.deconfliction.application.ReviewStore;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxMessage;

/**
 * Delivers alerts from the outbox to notification-service's PublishNotification, with the service's
 * own client-credentials token (added by the platform's client interceptor). The outbox id is the
 * event id, so notification-service stores each alert once however often it is delivered.
 */
public final class NotificationPublisher implements OutboxHandler {
  private final Channel channel;
  private final ConflictStore conflicts;
  private final ReviewStore reviews;
  private final long timeoutMillis;

  public NotificationPublisher(
      Channel channel, ConflictStore conflicts, ReviewStore reviews, long timeoutMillis) {
    this.channel = channel;
    this.conflicts = conflicts;
    this.reviews = reviews;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public String topic() {
    return OutboxAlerts.TOPIC;
  }

  @Override
  public void deliver(OutboxMessage message) {
    NotificationServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
        .publishNotification(request(message.id(), message.payload()));
  }

  /** A prepared alert is delivered only if what it announces was stored. */
  @Override
  public boolean applied(OutboxMessage message) {
    String resource = message.payload().getString("resource");
    if (resource.startsWith("conflicts/")) {
      return conflicts.exists(resource.substring("conflicts/".length()));
    }
    if (resource.startsWith("reviewItems/")) {
      return reviews.exists(resource.substring("reviewItems/".length()));
    }
    return true;
  }

  static PublishNotificationRequest request(String eventId, Document p) {
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
          Recipient.newBuilder().setAgencyId(r.getString("agencyId")).setRole(r.getString("role")));
    }
    Document attributes = p.get("attributes", Document.class);
    if (attributes != null) {
      attributes.forEach((k, v) -> b.putAttributes(k, String.valueOf(v)));
    }
    Date deadline = p.getDate("acknowledgeDeadline");
    if (deadline != null) {
      b.setAcknowledgeDeadline(
          Timestamp.newBuilder()
              .setSeconds(deadline.toInstant().getEpochSecond())
              .setNanos(deadline.toInstant().getNano()));
    }
    return b.build();
  }
}
