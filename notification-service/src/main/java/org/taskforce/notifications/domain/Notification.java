package org.taskforce.notifications.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One notification for one recipient. {@code sequence} increases per agency; its text form is the
 * cursor a stream resumes after.
 */
public record Notification(
    String id,
    long sequence,
    String kind,
    String severity,
    Recipient recipient,
    String title,
    String body,
    String resource,
    Map<String, String> attributes,
    boolean requiresAcknowledgement,
    Instant acknowledgeDeadline,
    Instant createTime,
    Instant readTime,
    Acknowledgement acknowledged,
    boolean escalated,
    String eventId,
    String sourceService) {

  public Notification {
    attributes = Map.copyOf(attributes);
  }

  /** The same notification at another place in its agency's stream. */
  public Notification withSequence(long number) {
    return new Notification(
        id,
        number,
        kind,
        severity,
        recipient,
        title,
        body,
        resource,
        attributes,
        requiresAcknowledgement,
        acknowledgeDeadline,
        createTime,
        readTime,
        acknowledged,
        escalated,
        eventId,
        sourceService);
  }

  /** An agency, optionally narrowed to one user or one role in it. */
  public record Recipient(String agencyId, String userSubject, String role) {
    /** Whether a caller of this agency with this subject and these roles is meant. */
    public boolean includes(
        String agency, String subject, Set<String> roles, boolean agencySystem) {
      if (!agencyId.equals(agency)) {
        return false;
      }
      if (!userSubject.isEmpty() && !userSubject.equals(subject)) {
        return agencySystem; // an agency's partner system receives everything for the agency
      }
      return role.isEmpty() || roles.contains(role) || agencySystem;
    }
  }

  /** Who acknowledged and when. */
  public record Acknowledgement(
      String subject, String displayName, String agencyId, Instant time, String note) {}

  public String cursor() {
    return cursorOf(sequence);
  }

  public static String cursorOf(long sequence) {
    return String.format("%012d", sequence);
  }

  /** The sequence a cursor names, or -1 when it is not one of ours. */
  public static long sequenceOf(String cursor) {
    if (cursor == null || !cursor.matches("\\d{1,19}")) {
      return -1;
    }
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      return -1; // beyond a long
    }
  }
}
