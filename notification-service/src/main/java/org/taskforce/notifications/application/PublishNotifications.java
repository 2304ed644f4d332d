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
import java.util.function.Consumer;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Publishing: services only, idempotent by the publisher's event id — a repeated event id stores
 * nothing and answers with the first publication's notification ids.
 */
public final class PublishNotifications {
  /** The notifications stored for one publication; {@code duplicate} when it was a repeat. */
  public record Published(List<String> notificationIds, boolean duplicate) {}

  private final NotificationStore store;
  private final Clock clock;
  private final Consumer<List<Notification>> onStored;

  /**
   * @param onStored called with the notifications each publication stored, also again when a retry
   *     finds it stored (so a crash between storing and fanning out loses nothing); must be
   *     idempotent
   */
  public PublishNotifications(
      NotificationStore store, Clock clock, Consumer<List<Notification>> onStored) {
    this.store = store;
    this.clock = clock;
    this.onStored = onStored;
  }

  public Published publish(AgencyPrincipal caller, Publication publication) {
    requireService(caller);
    return publishAs(caller.clientId(), publication);
  }

  /** Each publication of the batch handled exactly as {@link #publish} would. */
  public List<Published> publishAll(AgencyPrincipal caller, PublicationBatch batch) {
    requireService(caller);
    return store(caller.clientId(), batch.publications());
  }

  /** Stores one notification per recipient on behalf of {@code sourceService}. */
  public Published publishAs(String sourceService, Publication publication) {
    return store(sourceService, List.of(publication)).get(0);
  }

  /** Only Taskforce services publish: checked before a request is even decoded. */
  public static void requireService(AgencyPrincipal caller) {
    if (!caller.isService()) {
      throw TaskforceException.permissionDenied(
          "SERVICE_ONLY", "only Taskforce services publish notifications");
    }
  }

  /**
   * Stores publications with a handful of database calls however many there are: which events were
   * published before, which notifications exist (a retry after a crash), the sequence numbers per
   * agency in publication order, the new notifications, their fan-out, the events.
   */
  private List<Published> store(String sourceService, List<Publication> publications) {
    Map<String, List<String>> before =
        store.publishedEvents(publications.stream().map(Publication::eventId).distinct().toList());
    Map<String, List<String>> idsByEvent = new LinkedHashMap<>();
    List<Published> results = new ArrayList<>(publications.size());
    List<Notification> wanted = new ArrayList<>();
    Instant now = clock.instant();
    for (Publication publication : publications) {
      String eventId = publication.eventId();
      List<String> earlier =
          before.containsKey(eventId) ? before.get(eventId) : idsByEvent.get(eventId);
      if (earlier != null) {
        results.add(new Published(earlier, true));
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (int index = 0; index < publication.recipients().size(); index++) {
        Notification.Recipient recipient = publication.recipients().get(index);
        String id = notificationId(eventId, index, recipient);
        ids.add(id);
        wanted.add(publication.toNotification(id, recipient, now, sourceService));
      }
      idsByEvent.put(eventId, ids);
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

  /** Deterministic per event and recipient: a retry after a crash finds what was stored. */
  private static String notificationId(
      String eventId, int index, Notification.Recipient recipient) {
    return "n-"
        + UUID.nameUUIDFromBytes(
            (eventId + "|" + index + "|" + recipient).getBytes(StandardCharsets.UTF_8));
  }

  /** The notifications with their agencies' next sequence numbers, in publication order. */
  private List<Notification> numbered(List<Notification> unnumbered) {
    Map<String, List<Notification>> byAgency = new LinkedHashMap<>();
    unnumbered.forEach(
        n -> byAgency.computeIfAbsent(n.recipient().agencyId(), a -> new ArrayList<>()).add(n));
    List<Notification> out = new ArrayList<>(unnumbered.size());
    byAgency.forEach((agency, list) -> {
      long[] numbers = store.claimSequences(agency, list.stream().map(Notification::id).toList());
      for (int index = 0; index < list.size(); index++) {
        out.add(list.get(index).withSequence(numbers[index]));
      }
    });
    return out;
  }
}
