package org.taskforce.notifications.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
          "REVIEW_REQUIRED",
          "TIP_RECEIVED");

  /** The most publications one batch may carry. */
  public static final int MAX_BATCH = 500;

  private final NotificationStore store;
  private final Clock clock;
  private final java.util.function.Consumer<List<Notification>> onStored;

  /**
   * @param onStored called with the notifications each publication stored, also again when a retry
   *     finds it stored (so a crash between storing and fanning out loses nothing); must be
   *     idempotent
   */
  public Notifications(
      NotificationStore store,
      Clock clock,
      java.util.function.Consumer<List<Notification>> onStored) {
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
    requireService(caller);
    return publishAs(caller.clientId(), p);
  }

  /**
   * Publishes many events in one go (an outbox relay's batch): all are checked first and nothing is
   * stored if any is refused; each event is then handled exactly as {@link #publish} would.
   */
  public List<Published> publishAll(AgencyPrincipal caller, List<Publication> publications) {
    requireService(caller);
    Violations v = new Violations();
    v.check(!publications.isEmpty(), "requests", "at least one publication is required");
    v.check(
        publications.size() <= MAX_BATCH,
        "requests",
        "at most " + MAX_BATCH + " publications per call, got " + publications.size());
    for (int i = 0; i < publications.size() && publications.size() <= MAX_BATCH; i++) {
      check(v, "requests[" + i + "].", publications.get(i));
    }
    v.throwIfAny();
    return store(caller.clientId(), publications);
  }

  /** Stores one notification per recipient; a repeated event id changes nothing. */
  public Published publishAs(String sourceService, Publication p) {
    Violations v = new Violations();
    check(v, "", p);
    v.throwIfAny();
    return store(sourceService, List.of(p)).get(0);
  }

  /** Only Taskforce services publish: checked before a request is even decoded. */
  public static void requireService(AgencyPrincipal caller) {
    if (!caller.isService()) {
      throw TaskforceException.permissionDenied(
          "SERVICE_ONLY", "only Taskforce services publish notifications");
    }
  }

  private static void check(Violations v, String prefix, Publication p) {
    v.requireText(prefix + "event_id", p.eventId());
    Bounds.max(v, prefix + "event_id", p.eventId(), Bounds.ID);
    v.requireText(prefix + "title", p.title());
    Bounds.max(v, prefix + "title", p.title(), Bounds.TITLE);
    Bounds.max(v, prefix + "body", p.body(), Bounds.BODY);
    Bounds.max(v, prefix + "resource", p.resource(), Bounds.RESOURCE);
    v.check(KINDS.contains(p.kind()), prefix + "kind", "a notification kind is required");
    v.check(!p.recipients().isEmpty(), prefix + "recipients", "at least one recipient is required");
    Bounds.count(v, prefix + "recipients", p.recipients(), Bounds.RECIPIENTS);
    for (int i = 0; i < p.recipients().size() && i < Bounds.RECIPIENTS; i++) {
      Notification.Recipient r = p.recipients().get(i);
      String at = prefix + "recipients[" + i + "].";
      v.requireText(at + "agency_id", r.agencyId());
      Bounds.max(v, at + "agency_id", r.agencyId(), Bounds.ID);
      Bounds.max(v, at + "user_subject", r.userSubject(), Bounds.ID);
      Bounds.max(v, at + "role", r.role(), Bounds.ROLE);
    }
    Bounds.count(v, prefix + "attributes", p.attributes().keySet(), Bounds.ATTRIBUTES);
    if (p.attributes().size() <= Bounds.ATTRIBUTES) {
      p.attributes()
          .forEach((key, value) -> {
            Bounds.max(v, prefix + "attributes", key, Bounds.ATTRIBUTE_KEY);
            Bounds.max(v, prefix + "attributes[" + clip(key) + "]", value, Bounds.ATTRIBUTE_VALUE);
          });
    }
    v.check(
        !p.requiresAcknowledgement()
            || p.acknowledgeDeadline() == null
            || p.acknowledgeDeadline().isAfter(Instant.EPOCH),
        prefix + "acknowledge_deadline",
        "must be a time");
  }

  /** A key quoted in a violation: at most its first 64 characters. */
  private static String clip(String key) {
    return key.length() <= Bounds.ATTRIBUTE_KEY ? key : key.substring(0, Bounds.ATTRIBUTE_KEY);
  }

  /**
   * Stores checked publications with a handful of database calls however many there are: which
   * events were published before, which notifications exist (a retry after a crash), the sequence
   * numbers per agency in publication order, the new notifications, their fan-out, the events.
   */
  private List<Published> store(String sourceService, List<Publication> publications) {
    Map<String, List<String>> before =
        store.publishedEvents(publications.stream().map(Publication::eventId).distinct().toList());
    Map<String, List<String>> idsByEvent = new LinkedHashMap<>();
    List<Published> results = new ArrayList<>(publications.size());
    List<Notification> wanted = new ArrayList<>();
    Instant now = clock.instant();
    for (Publication p : publications) {
      List<String> earlier =
          before.containsKey(p.eventId()) ? before.get(p.eventId()) : idsByEvent.get(p.eventId());
      if (earlier != null) {
        results.add(new Published(earlier, true));
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < p.recipients().size(); i++) {
        Notification.Recipient r = p.recipients().get(i);
        // Deterministic per event and recipient: a retry after a crash finds what was stored.
        String id =
            "n-"
                + UUID.nameUUIDFromBytes(
                    (p.eventId() + "|" + i + "|" + r).getBytes(StandardCharsets.UTF_8));
        ids.add(id);
        wanted.add(notification(id, 0, r, p, now, sourceService));
      }
      idsByEvent.put(p.eventId(), ids);
      results.add(new Published(ids, false));
    }
    Map<String, Notification> existing =
        store.findAll(wanted.stream().map(Notification::id).toList());
    List<Notification> fresh =
        numbered(wanted.stream().filter(n -> !existing.containsKey(n.id())).toList());
    Set<String> raced = store.insertAllIfAbsent(fresh);
    List<Notification> stored = new ArrayList<>(existing.values());
    fresh.stream().filter(n -> !raced.contains(n.id())).forEach(stored::add);
    stored.addAll(store.findAll(raced).values()); // a concurrent retry stored them first
    // Also again for those a retry finds stored, so a crash before the fan-out loses nothing.
    onStored.accept(stored);
    store.markEventsPublished(idsByEvent, now);
    return results;
  }

  /** The notifications with their agencies' next sequence numbers, in publication order. */
  private List<Notification> numbered(List<Notification> unnumbered) {
    Map<String, List<Notification>> byAgency = new LinkedHashMap<>();
    unnumbered.forEach(
        n -> byAgency.computeIfAbsent(n.recipient().agencyId(), a -> new ArrayList<>()).add(n));
    List<Notification> out = new ArrayList<>(unnumbered.size());
    byAgency.forEach((agency, list) -> {
      long[] numbers = store.claimSequences(agency, list.stream().map(Notification::id).toList());
      for (int k = 0; k < list.size(); k++) {
        out.add(list.get(k).withSequence(numbers[k]));
      }
    });
    return out;
  }

  private static Notification notification(
      String id,
      long sequence,
      Notification.Recipient r,
      Publication p,
      Instant now,
      String source) {
    return new Notification(
        id,
        sequence,
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
        source);
  }

  /**
   * One page of an inbox, newest first.
   *
   * @param next the position to continue before, or -1 when this page is the last
   */
  public record Page(List<Notification> items, long next, int unreadCount) {}

  /**
   * The caller's inbox: notifications meant for it, newest first, before position {@code before}
   * ({@code Long.MAX_VALUE} for the first page). A page is full unless it is the last one.
   */
  public Page inbox(
      AgencyPrincipal caller,
      boolean unreadOnly,
      Set<String> kinds,
      boolean needsAck,
      int pageSize,
      long before) {
    List<Notification> visible = new ArrayList<>(pageSize + 1);
    long from = before;
    // The store filters by recipient too; checking again here keeps the rule in one place.
    while (visible.size() <= pageSize) {
      List<Notification> batch =
          store.inbox(
              caller.agencyId(),
              caller.subject(),
              caller.roles(),
              caller.isPartnerSystem(),
              unreadOnly,
              kinds,
              needsAck,
              from,
              pageSize + 1);
      for (Notification n : batch) {
        from = n.sequence();
        if (visibleTo(caller, n) && visible.size() <= pageSize) {
          visible.add(n);
        }
      }
      if (batch.size() < pageSize + 1) {
        break;
      }
    }
    boolean more = visible.size() > pageSize;
    List<Notification> page = more ? visible.subList(0, pageSize) : visible;
    return new Page(
        List.copyOf(page),
        more ? page.getLast().sequence() : -1,
        store.unreadCount(
            caller.agencyId(), caller.subject(), caller.roles(), caller.isPartnerSystem()));
  }

  public Notification markRead(AgencyPrincipal caller, String id) {
    Notification n = own(caller, id);
    return n.readTime() != null ? n : store.markRead(id, clock.instant());
  }

  public Notification acknowledge(AgencyPrincipal caller, String id, String note) {
    Violations v = new Violations();
    Bounds.max(v, "note", note, Bounds.NOTE);
    v.throwIfAny();
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
