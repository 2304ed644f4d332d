package org.taskforce.notifications.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Publishing (services only, idempotent by the publisher's event id), the agency inbox, reading,
 * acknowledging, and what a subscriber may receive.
 */
public final class Notifications {
  static final Set<String> KINDS =
      Set.of(
          "TARGET_CONFLICT",
          "EVENT_CONFLICT",
          "SUBJECT_SEARCHED",
          "CASE_SHARED",
          "TASK_ASSIGNED",
          "CASE_UPDATED",
          "ESCALATION",
          "REVIEW_REQUIRED");

  private final NotificationStore store;
  private final Clock clock;
  private final java.util.function.Consumer<Notification> onStored;

  /**
   * @param onStored called for every stored notification, also again when a retried publication
   *     finds it stored (so a crash between storing and fanning out loses nothing); must be
   *     idempotent
   */
  public Notifications(
      NotificationStore store, Clock clock, java.util.function.Consumer<Notification> onStored) {
    this.store = store;
    this.clock = clock;
    this.onStored = onStored;
  }

  /** What a publisher asks to announce. */
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
      Instant acknowledgeDeadline) {}

  public record Published(List<String> notificationIds, boolean duplicate) {}

  public Published publish(AgencyPrincipal caller, Publication p) {
    if (!caller.isService()) {
      throw TaskforceException.permissionDenied(
          "SERVICE_ONLY", "only Taskforce services publish notifications");
    }
    return publishAs(caller.clientId(), p);
  }

  /** Stores one notification per recipient; a repeated event id changes nothing. */
  public Published publishAs(String sourceService, Publication p) {
    Violations v = new Violations();
    v.requireText("event_id", p.eventId());
    v.requireText("title", p.title());
    v.check(KINDS.contains(p.kind()), "kind", "a notification kind is required");
    v.check(!p.recipients().isEmpty(), "recipients", "at least one recipient is required");
    for (int i = 0; i < p.recipients().size(); i++) {
      v.requireText("recipients[" + i + "].agency_id", p.recipients().get(i).agencyId());
    }
    v.check(
        !p.requiresAcknowledgement()
            || p.acknowledgeDeadline() == null
            || p.acknowledgeDeadline().isAfter(Instant.EPOCH),
        "acknowledge_deadline",
        "must be a time");
    v.throwIfAny();
    Optional<List<String>> before = store.publishedEvent(p.eventId());
    if (before.isPresent()) {
      return new Published(before.get(), true);
    }
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < p.recipients().size(); i++) {
      Notification.Recipient r = p.recipients().get(i);
      // Deterministic per event and recipient: a retry after a crash finds what was stored.
      String id =
          "n-"
              + UUID.nameUUIDFromBytes(
                  (p.eventId() + "|" + i + "|" + r).getBytes(StandardCharsets.UTF_8));
      ids.add(id);
      Optional<Notification> stored = store.find(id);
      if (stored.isPresent()) {
        onStored.accept(stored.get());
        continue;
      }
      Notification n =
          new Notification(
              id,
              store.claimSequence(r.agencyId(), id),
              p.kind(),
              p.severity().isEmpty() ? "INFO" : p.severity(),
              r,
              p.title(),
              p.body(),
              p.resource(),
              p.attributes(),
              p.requiresAcknowledgement(),
              p.acknowledgeDeadline(),
              now,
              null,
              null,
              false,
              p.eventId(),
              sourceService);
      if (store.insertIfAbsent(n)) {
        onStored.accept(n);
      } else {
        store.find(id).ifPresent(onStored); // a concurrent retry stored it first
      }
    }
    store.markEventPublished(p.eventId(), ids, now);
    return new Published(ids, false);
  }

  public record Page(List<Notification> items, String nextPageToken, int unreadCount) {}

  public Page inbox(
      AgencyPrincipal caller,
      boolean unreadOnly,
      Set<String> kinds,
      boolean needsAck,
      int size,
      int offset) {
    int pageSize = size <= 0 ? 50 : Math.min(size, 200);
    List<Notification> visible = new ArrayList<>();
    int scanned = offset;
    // Filter by recipient in code (user- and role-addressed ones among the agency's).
    while (visible.size() < pageSize) {
      List<Notification> batch =
          store.inbox(caller.agencyId(), unreadOnly, kinds, needsAck, scanned, pageSize * 2);
      for (Notification n : batch) {
        scanned++;
        if (visibleTo(caller, n)) {
          visible.add(n);
          if (visible.size() == pageSize) {
            break;
          }
        }
      }
      if (batch.size() < pageSize * 2) {
        scanned = -1;
        break;
      }
    }
    String next = scanned < 0 ? "" : Integer.toString(scanned);
    return new Page(visible, next, store.unreadCount(caller.agencyId()));
  }

  public Notification markRead(AgencyPrincipal caller, String id) {
    Notification n = own(caller, id);
    return n.readTime() != null ? n : store.markRead(id, clock.instant());
  }

  public Notification acknowledge(AgencyPrincipal caller, String id, String note) {
    Notification n = own(caller, id);
    if (n.acknowledged() != null) {
      return n; // acknowledging twice is harmless
    }
    return store.acknowledge(
        id,
        new Notification.Acknowledgement(
            caller.subject(),
            caller.displayName(),
            caller.agencyId(),
            clock.instant(),
            note == null ? "" : note));
  }

  private Notification own(AgencyPrincipal caller, String id) {
    return store
        .find(id)
        .filter(n -> visibleTo(caller, n))
        .orElseThrow(() -> TaskforceException.notFound("notification", id));
  }

  public static boolean visibleTo(AgencyPrincipal caller, Notification n) {
    return n.recipient()
        .includes(caller.agencyId(), caller.subject(), caller.roles(), caller.isPartnerSystem());
  }
}
