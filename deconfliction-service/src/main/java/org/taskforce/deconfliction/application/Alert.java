package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notification for notification-service. {@code id} is the publisher's event id, deterministic
 * for what it announces, so a retried or raced announcement is stored and delivered once.
 *
 * @param kind e.g. TARGET_CONFLICT, as notification-service's NotificationKind without prefix
 * @param resource what it is about, e.g. conflicts/c-123 (checked before delivering a prepared
 *     alert whose change may not have happened)
 */
public record Alert(
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

  public Alert {
    recipients = List.copyOf(recipients);
    attributes = Map.copyOf(attributes);
  }

  /** An agency, or one role within it (e.g. watch-officer). */
  public record Recipient(String agencyId, String role) {}
}
