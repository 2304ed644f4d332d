package org.taskforce.platform.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notification for notification-service, as a service announces it through its outbox. {@code id}
 * is the publisher's event id, deterministic for what it announces, so a retried or raced
 * announcement is stored and delivered once.
 *
 * @param kind e.g. TARGET_CONFLICT or CASE_SHARED: notification-service's NotificationKind without
 *     its prefix
 * @param severity INFO, WARNING or CRITICAL
 * @param resource what it is about, e.g. {@code conflicts/c-123} or {@code cases/c-9}
 */
public record Notice(
    String id,
    String kind,
    String severity,
    List<Recipient> recipients,
    String title,
    String body,
    String resource,
    Map<String, String> attributes,
    boolean requiresAcknowledgement,
    Instant acknowledgeDeadline) {

  public Notice {
    recipients = List.copyOf(recipients);
    attributes = Map.copyOf(attributes);
  }

  /** A plain notice: no acknowledgement asked. */
  public static Notice of(
      String id,
      String kind,
      String severity,
      List<Recipient> recipients,
      String title,
      String body,
      String resource,
      Map<String, String> attributes) {
    return new Notice(
        id, kind, severity, recipients, title, body, resource, attributes, false, null);
  }

  /** An agency, or one role (e.g. watch-officer) or one user within it; empty strings for none. */
  public record Recipient(String agencyId, String role, String userSubject) {
    public Recipient {
      role = role == null ? "" : role;
      userSubject = userSubject == null ? "" : userSubject;
    }

    public static Recipient agency(String agencyId) {
      return new Recipient(agencyId, "", "");
    }
  }
}
