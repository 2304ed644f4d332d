package org.taskforce.notifications.adapter.grpc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.Severity;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.ActorStamps;
import org.taskforce.platform.grpc.ProtoTimes;

final class NotificationMapping {
  private NotificationMapping() {}

  static org.taskforce.api.notifications.v1.Notification toProto(Notification notification) {
    org.taskforce.api.notifications.v1.Notification.Builder proto =
        org.taskforce.api.notifications.v1.Notification.newBuilder()
            .setNotificationId(notification.id())
            .setCursor(notification.cursor())
            .setKind(NotificationKind.valueOf("NOTIFICATION_KIND_" + notification.kind()))
            .setSeverity(Severity.valueOf("SEVERITY_" + notification.severity()))
            .setRecipient(
                Recipient.newBuilder()
                    .setAgencyId(notification.recipient().agencyId())
                    .setUserSubject(notification.recipient().userSubject())
                    .setRole(notification.recipient().role()))
            .setTitle(notification.title())
            .setBody(notification.body())
            .setResource(notification.resource())
            .putAllAttributes(notification.attributes())
            .setRequiresAcknowledgement(notification.requiresAcknowledgement())
            .setCreateTime(ProtoTimes.timestamp(notification.createTime()))
            .setEscalated(notification.escalated())
            .setEventId(notification.eventId())
            .setSourceService(notification.sourceService());
    if (notification.acknowledgeDeadline() != null) {
      proto.setAcknowledgeDeadline(ProtoTimes.timestamp(notification.acknowledgeDeadline()));
    }
    if (notification.readTime() != null) {
      proto.setReadTime(ProtoTimes.timestamp(notification.readTime()));
    }
    if (notification.acknowledged() != null) {
      proto.setAcknowledged(
          ActorStamps.of(
              notification.acknowledged().subject(),
              notification.acknowledged().displayName(),
              notification.acknowledged().agencyId(),
              notification.acknowledged().time()));
    }
    return proto.build();
  }

  /**
   * The kind a wire number names; "" for unset. An unknown number (a newer client, a fuzzer) is a
   * field violation, never an exception.
   */
  static String kind(int number, String field, Violations violations) {
    NotificationKind kind = NotificationKind.forNumber(number);
    return name(kind, "NOTIFICATION_KIND_", "notification kind", number, field, violations);
  }

  static String severity(int number, String field, Violations violations) {
    Severity severity = Severity.forNumber(number);
    return name(severity, "SEVERITY_", "severity", number, field, violations);
  }

  /** The domain's name of an enum value: its contract name without the type's prefix. */
  private static String name(
      Enum<?> value, String prefix, String what, int number, String field, Violations violations) {
    if (value == null) {
      violations.add(field, "unknown " + what + " " + number);
      return "";
    }
    return number == 0 ? "" : value.name().substring(prefix.length());
  }

  /** The kinds a filter names (unset entries ignored); at most {@link Bounds#ENUM_LIST}. */
  static Set<String> kinds(List<Integer> numbers, String field, Violations violations) {
    Bounds.count(violations, field, numbers, Bounds.ENUM_LIST);
    Set<String> out = new HashSet<>();
    for (int index = 0; index < numbers.size() && index < Bounds.ENUM_LIST; index++) {
      String name = kind(numbers.get(index), field + "[" + index + "]", violations);
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }
}
