package org.taskforce.notifications.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taskforce.notifications.domain.Notification;

/** Where notifications live. */
public interface NotificationStore {
  /**
   * Claims the next sequence number of an agency for a notification: never given twice, even by two
   * replicas at once; may leave a gap if the notification is then not stored.
   */
  long claimSequence(String agencyId, String notificationId);

  /** Inserts unless a notification with this id exists; true when this call stored it. */
  boolean insertIfAbsent(Notification notification);

  /** The ids stored for a publisher's event, if the event was published completely before. */
  Optional<List<String>> publishedEvent(String eventId);

  void markEventPublished(String eventId, List<String> notificationIds, Instant time);

  Optional<Notification> find(String id);

  /** An agency's notifications after a sequence, oldest first. */
  List<Notification> after(String agencyId, long sequence, int limit);

  /** The newest sequence of an agency (0 when none). */
  long latestSequence(String agencyId);

  /** An agency's notifications, newest first, with the filters of the inbox. */
  List<Notification> inbox(
      String agencyId,
      boolean unreadOnly,
      Set<String> kinds,
      boolean needsAcknowledgementOnly,
      int skip,
      int limit);

  int unreadCount(String agencyId);

  Notification markRead(String id, Instant time);

  /** Records the acknowledgement unless one is recorded; returns the stored notification. */
  Notification acknowledge(String id, Notification.Acknowledgement acknowledgement);

  /** Unacknowledged, unescalated notifications whose deadline is before {@code by}. */
  List<Notification> dueForEscalation(Instant by, int limit);

  /** Marks escalated; true only for the one caller that changed it (exactly once). */
  boolean markEscalated(String id);
}
