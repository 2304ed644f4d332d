package org.taskforce.notifications.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.Violations;

/**
 * What a publisher asks to announce: one notification per recipient. Checked when made — a
 * publication that exists is within every bound ({@code INVALID_ARGUMENT} with field violations
 * otherwise).
 *
 * @param kind one of {@link #KINDS}
 * @param severity "" for the default, INFO
 * @param acknowledgeDeadline null for none
 */
public record Publication(
    String eventId,
    List<Notification.Recipient> recipients,
    String kind,
    String severity,
    String title,
    String body,
    String resource,
    Map<String, String> attributes,
    boolean requiresAcknowledgement,
    Instant acknowledgeDeadline) {

  static final Set<String> KINDS =
      Set.of(
          "TARGET_CONFLICT",
          "EVENT_CONFLICT",
          "SUBJECT_SEARCHED",
          "CASE_SHARED",
          "TASK_ASSIGNED",
          "CASE_UPDATED",
          "ESCALATION",
          "REVIEW_REQUIRED",
          "TIP_RECEIVED");

  public Publication {
    Violations violations = new Violations();
    violations.requireText("event_id", eventId);
    Bounds.max(violations, "event_id", eventId, Bounds.ID);
    violations.requireText("title", title);
    Bounds.max(violations, "title", title, Bounds.TITLE);
    Bounds.max(violations, "body", body, Bounds.BODY);
    Bounds.max(violations, "resource", resource, Bounds.RESOURCE);
    violations.check(KINDS.contains(kind), "kind", "a notification kind is required");
    violations.check(!recipients.isEmpty(), "recipients", "at least one recipient is required");
    Bounds.count(violations, "recipients", recipients, Bounds.RECIPIENTS);
    for (int index = 0; index < recipients.size() && index < Bounds.RECIPIENTS; index++) {
      checkRecipient(violations, "recipients[" + index + "].", recipients.get(index));
    }
    checkAttributes(violations, attributes);
    violations.check(
        !requiresAcknowledgement
            || acknowledgeDeadline == null
            || acknowledgeDeadline.isAfter(Instant.EPOCH),
        "acknowledge_deadline",
        "must be a time");
    violations.throwIfAny();
  }

  private static void checkRecipient(
      Violations violations, String at, Notification.Recipient recipient) {
    violations.requireText(at + "agency_id", recipient.agencyId());
    Bounds.max(violations, at + "agency_id", recipient.agencyId(), Bounds.ID);
    Bounds.max(violations, at + "user_subject", recipient.userSubject(), Bounds.ID);
    Bounds.max(violations, at + "role", recipient.role(), Bounds.ROLE);
  }

  private static void checkAttributes(Violations violations, Map<String, String> attributes) {
    Bounds.count(violations, "attributes", attributes.keySet(), Bounds.ATTRIBUTES);
    if (attributes.size() <= Bounds.ATTRIBUTES) {
      attributes.forEach((key, value) -> {
        Bounds.max(violations, "attributes", key, Bounds.ATTRIBUTE_KEY);
        // Each key is a field name of the stored notification (a BSON C string, a path).
        violations.check(
            !key.isEmpty() && !key.startsWith("$") && key.indexOf('.') < 0 && key.indexOf(0) < 0,
            "attributes",
            "a key must not be empty, start with '$', or contain '.' or NUL");
        Bounds.max(violations, "attributes[" + clip(key) + "]", value, Bounds.ATTRIBUTE_VALUE);
      });
    }
  }

  /** A key quoted in a violation: at most its first 64 characters. */
  private static String clip(String key) {
    return key.length() <= Bounds.ATTRIBUTE_KEY ? key : key.substring(0, Bounds.ATTRIBUTE_KEY);
  }

  /** The notification for one recipient, unnumbered (sequence 0), as stored at {@code now}. */
  Notification toNotification(
      String id, Notification.Recipient recipient, Instant now, String sourceService) {
    return new Notification(
        id,
        0,
        kind,
        severity.isEmpty() ? "INFO" : severity,
        recipient,
        title,
        body,
        resource,
        attributes,
        requiresAcknowledgement,
        acknowledgeDeadline,
        now,
        null,
        null,
        false,
        eventId,
        sourceService);
  }
}
