package org.taskforce.notifications.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.mongo.StampDocuments;

/** A notification as a document of {@code notifications}, and back. */
final class NotificationDocuments {
  private NotificationDocuments() {}

  static Document toDocument(Notification notification) {
    Notification.Recipient recipient = notification.recipient();
    return new Document("_id", notification.id())
        .append("seq", notification.sequence())
        .append("kind", notification.kind())
        .append("severity", notification.severity())
        .append(
            "recipient",
            new Document("agencyId", recipient.agencyId())
                .append("user", recipient.userSubject())
                .append("role", recipient.role()))
        .append("title", notification.title())
        .append("body", notification.body())
        .append("resource", notification.resource())
        .append(
            "attributes",
            new Document(new LinkedHashMap<String, Object>(notification.attributes())))
        .append("requiresAck", notification.requiresAcknowledgement())
        .append("deadline", date(notification.acknowledgeDeadline()))
        .append("createTime", Date.from(notification.createTime()))
        .append("readTime", date(notification.readTime()))
        .append("acknowledged", null)
        .append("escalated", notification.escalated())
        .append("eventId", notification.eventId())
        .append("source", notification.sourceService());
  }

  static Document toDocument(Notification.Acknowledgement acknowledgement) {
    return StampDocuments.document(
            acknowledgement.subject(),
            acknowledgement.displayName(),
            acknowledgement.agencyId(),
            acknowledgement.time())
        .append("note", acknowledgement.note());
  }

  static Notification fromDocument(Document document) {
    Document recipient = document.get("recipient", Document.class);
    Map<String, String> attributes = new LinkedHashMap<>();
    Document storedAttributes = document.get("attributes", Document.class);
    if (storedAttributes != null) {
      storedAttributes.forEach((key, value) -> attributes.put(key, String.valueOf(value)));
    }
    return new Notification(
        document.getString("_id"),
        document.get("seq", Number.class).longValue(),
        document.getString("kind"),
        document.getString("severity"),
        new Notification.Recipient(
            recipient.getString("agencyId"),
            recipient.getString("user"),
            recipient.getString("role")),
        document.getString("title"),
        document.getString("body"),
        document.getString("resource"),
        attributes,
        document.getBoolean("requiresAck", false),
        instant(document.getDate("deadline")),
        document.getDate("createTime").toInstant(),
        instant(document.getDate("readTime")),
        acknowledgement(document.get("acknowledged", Document.class)),
        document.getBoolean("escalated", false),
        document.getString("eventId"),
        document.getString("source"));
  }

  private static Notification.Acknowledgement acknowledgement(Document stored) {
    if (stored == null) {
      return null;
    }
    return new Notification.Acknowledgement(
        stored.getString("subject"),
        stored.getString("name"),
        stored.getString("agencyId"),
        stored.getDate("time").toInstant(),
        stored.getString("note"));
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
