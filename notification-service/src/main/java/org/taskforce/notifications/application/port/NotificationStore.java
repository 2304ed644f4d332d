package org.taskforce.notifications.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taskforce.notifications.domain.Notification;

/** Where notifications live. */
public interface NotificationStore {
  /**
   * Claims the next sequence numbers of an agency for these notifications, increasing in the order
   * given: never given twice, even by two replicas at once; may leave a gap if a notification is
   * then not stored.
   */
  long[] claimSequences(String agencyId, List<String> notificationIds);

  /** Inserts those whose id is not stored yet; returns the ids that were stored already. */
  Set<String> insertAllIfAbsent(List<Notification> notifications);

  /** For those of these event ids published completely before: the ids stored for each. */
  Map<String, List<String>> publishedEvents(Collection<String> eventIds);

  void markEventsPublished(Map<String, List<String>> notificationIdsByEvent, Instant time);

  /** The stored notifications among these ids, by id. */
  Map<String, Notification> findAll(Collection<String> ids);

  Optional<Notification> find(String id);

  /** An agency's notifications after a sequence, oldest first. */
  List<Notification> after(String agencyId, long sequence, int limit);

  /**
   * Where the era after the one of {@code position} starts, or -1 when that era is the newest: a
   * stream that has read everything of an older era goes on there (nothing more will ever be
   * numbered in an older era).
   */
  long nextEraStart(long position);

  /** The newest sequence of an agency (the start of the current era when none). */
  long latestSequence(String agencyId);

  /**
   * An agency's notifications meant for this caller (as {@code Recipient.includes}), newest first,
   * with the filters of the inbox, those before position {@code before} only.
   */
  List<Notification> inbox(
      String agencyId,
      String subject,
      Set<String> roles,
      boolean agencySystem,
      boolean unreadOnly,
      Set<String> kinds,
      boolean needsAcknowledgementOnly,
      long before,
      int limit);

  /** Unread notifications of the agency meant for this caller (as {@code Recipient.includes}). */
  int unreadCount(String agencyId, String subject, Set<String> roles, boolean agencySystem);

  Notification markRead(String id, Instant time);

  /** Records the acknowledgement unless one is recorded; returns the stored notification. */
  Notification acknowledge(String id, Notification.Acknowledgement acknowledgement);

  /** Unacknowledged, unescalated notifications whose deadline is before {@code by}. */
  List<Notification> dueForEscalation(Instant by, int limit);

  /** Marks escalated; true only for the one caller that changed it (exactly once). */
  boolean markEscalated(String id);
}
