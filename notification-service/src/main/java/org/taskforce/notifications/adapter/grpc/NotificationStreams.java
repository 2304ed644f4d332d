package org.taskforce.notifications.adapter.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Serves SubscribeNotifications streams by reading the database, not memory: each stream polls its
 * agency's notifications after its cursor, so a notification stored by any replica reaches every
 * subscriber on every replica. A slow client is not buffered for: while its transport is not ready
 * the stream simply waits and continues from its cursor.
 *
 * <p>A stream lives no longer than the token that opened it: when the token expires the stream ends
 * with {@code UNAUTHENTICATED} ({@code TOKEN_EXPIRED}), and the client reconnects with a fresh
 * token and the last cursor it received, missing nothing. Each caller (agency and subject) may hold
 * at most {@code maxPerCaller} open streams on a replica; one more is {@code RESOURCE_EXHAUSTED}
 * until one closes.
 */
public final class NotificationStreams implements SmartLifecycle {
  private final NotificationStream.Shared shared;
  private final Duration pollInterval;
  private final int maxPerCaller;
  private final Map<String, Set<NotificationStream>> openByAgency = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> openPerCaller = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService scheduler;

  /**
   * @param maxPerCaller how many streams one caller may hold open at once on this replica
   * @param errorDomain the ErrorInfo domain of the status that ends an expired stream
   */
  public NotificationStreams(
      NotificationStore store,
      Clock clock,
      Duration pollInterval,
      Duration gapGrace,
      int maxPerCaller,
      String errorDomain) {
    this.shared =
        new NotificationStream.Shared(store, clock, gapGrace, () -> scheduler, errorDomain);
    this.pollInterval = pollInterval;
    this.maxPerCaller = maxPerCaller;
  }

  /**
   * Opens a stream for the caller until {@code expires} (its token's expiry; null: none), or
   * refuses it with {@code RESOURCE_EXHAUSTED} when the caller holds its maximum already.
   */
  void open(
      AgencyPrincipal caller,
      long after,
      Set<String> kinds,
      Duration heartbeat,
      Instant expires,
      ServerCallStreamObserver<SubscribeNotificationsResponse> call) {
    String who = caller.agencyId() + "/" + caller.subject();
    AtomicInteger held = openPerCaller.computeIfAbsent(who, k -> new AtomicInteger());
    if (held.incrementAndGet() > maxPerCaller) {
      held.decrementAndGet();
      throw new TaskforceException(
          ErrorKind.RESOURCE_EXHAUSTED,
          "TOO_MANY_STREAMS",
          "at most "
              + maxPerCaller
              + " notification streams per caller at once; close one or reuse it");
    }
    Set<NotificationStream> agencyStreams =
        openByAgency.computeIfAbsent(caller.agencyId(), a -> ConcurrentHashMap.newKeySet());
    NotificationStream.Subscription subscription =
        new NotificationStream.Subscription(caller, after, kinds, heartbeat, expires);
    NotificationStream stream =
        new NotificationStream(
            shared,
            subscription,
            call,
            closed -> {
              agencyStreams.remove(closed);
              held.decrementAndGet();
            });
    agencyStreams.add(stream);
    // Back-pressure: when the client's transport drains, continue at once instead of next poll.
    call.setOnReadyHandler(stream::wake);
    call.setOnCancelHandler(stream::close);
    stream.pollWith(
        scheduler.scheduleWithFixedDelay(
            stream::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS));
  }

  /**
   * Notifications this replica stored reach its open streams of their agencies at once; those
   * stored by other replicas arrive with the next poll.
   */
  public void stored(List<Notification> notifications) {
    notifications.stream()
        .map(n -> n.recipient().agencyId())
        .distinct()
        .forEach(agency -> {
          List<Notification> theirs =
              notifications.stream().filter(n -> n.recipient().agencyId().equals(agency)).toList();
          openByAgency.getOrDefault(agency, Set.of()).forEach(stream -> stream.offer(theirs));
        });
  }

  @Override
  public void start() {
    scheduler =
        Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("notification-streams").daemon().factory());
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
