package org.taskforce.notifications.adapter.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.Severity;
import org.taskforce.notifications.domain.Notification;

final class NotificationMapping {
  private NotificationMapping() {}

  static org.taskforce.api.notifications.v1.Notification toProto(Notification n) {
    org.taskforce.api.notifications.v1.Notification.Builder b =
        org.taskforce.api.notifications.v1.Notification.newBuilder()
            .setNotificationId(n.id())
            .setCursor(n.cursor())
            .setKind(NotificationKind.valueOf("NOTIFICATION_KIND_" + n.kind()))
            .setSeverity(Severity.valueOf("SEVERITY_" + n.severity()))
            .setRecipient(
                Recipient.newBuilder()
                    .setAgencyId(n.recipient().agencyId())
                    .setUserSubject(n.recipient().userSubject())
                    .setRole(n.recipient().role()))
            .setTitle(n.title())
            .setBody(n.body())
            .setResource(n.resource())
            .putAllAttributes(n.attributes())
            .setRequiresAcknowledgement(n.requiresAcknowledgement())
            .setCreateTime(timestamp(n.createTime()))
            .setEscalated(n.escalated())
            .setEventId(n.eventId())
            .setSourceService(n.sourceService());
    if (n.acknowledgeDeadline() != null) {
      b.setAcknowledgeDeadline(timestamp(n.acknowledgeDeadline()));
    }
    if (n.readTime() != null) {
      b.setReadTime(timestamp(n.readTime()));
    }
    if (n.acknowledged() != null) {
      b.setAcknowledged(
          ActorStamp.newBuilder()
              .setSubject(n.acknowledged().subject())
              .setDisplayName(n.acknowledged().displayName())
              .setAgencyId(n.acknowledged().agencyId())
              .setTime(timestamp(n.acknowledged().time())));
    }
    return b.build();
  }

  static String kind(NotificationKind k) {
    return k.getNumber() <= 0 ? "" : k.name().substring("NOTIFICATION_KIND_".length());
  }

  static String severity(Severity s) {
    return s.getNumber() <= 0 ? "" : s.name().substring("SEVERITY_".length());
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
