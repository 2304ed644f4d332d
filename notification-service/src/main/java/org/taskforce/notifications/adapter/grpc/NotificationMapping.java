package org.taskforce.notifications.adapter.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.Severity;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.Violations;

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

  /**
   * The kind a wire number names; "" for unset. An unknown number (a newer client, a fuzzer) is a
   * field violation, never an exception.
   */
  static String kind(int number, String field, Violations v) {
    NotificationKind k = NotificationKind.forNumber(number);
    if (k == null) {
      v.add(field, "unknown notification kind " + number);
      return "";
    }
    return number == 0 ? "" : k.name().substring("NOTIFICATION_KIND_".length());
  }

  static String severity(int number, String field, Violations v) {
    Severity s = Severity.forNumber(number);
    if (s == null) {
      v.add(field, "unknown severity " + number);
      return "";
    }
    return number == 0 ? "" : s.name().substring("SEVERITY_".length());
  }

  /** The kinds a filter names (unset entries ignored); at most {@link Bounds#ENUM_LIST}. */
  static Set<String> kinds(List<Integer> numbers, String field, Violations v) {
    Bounds.count(v, field, numbers, Bounds.ENUM_LIST);
    Set<String> out = new HashSet<>();
    for (int i = 0; i < numbers.size() && i < Bounds.ENUM_LIST; i++) {
      String name = kind(numbers.get(i), field + "[" + i + "]", v);
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
