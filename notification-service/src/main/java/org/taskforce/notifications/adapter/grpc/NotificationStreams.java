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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.taskforce.api.notifications.v1.Heartbeat;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.notifications.application.NotificationStore;
import org.taskforce.notifications.application.Notifications;
import org.taskforce.notifications.application.StreamCursor;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Serves SubscribeNotifications streams by reading the database, not memory: each stream polls its
 * agency's notifications after its cursor, so a notification stored by any replica reaches every
 * subscriber on every replica. A slow client is not buffered for: while its transport is not ready
 * the stream simply waits and continues from its cursor.
 */
public final class NotificationStreams implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
  private static final int BATCH = 200;

  private final NotificationStore store;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration gapGrace;
  private final Map<String, Set<Stream>> open = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService scheduler;

  public NotificationStreams(
      NotificationStore store, Clock clock, Duration pollInterval, Duration gapGrace) {
    this.store = store;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.gapGrace = gapGrace;
  }

  void open(
      AgencyPrincipal caller,
      long after,
      Set<String> kinds,
      Duration heartbeat,
      ServerCallStreamObserver<SubscribeNotificationsResponse> call) {
    Stream stream = new Stream(caller, after, kinds, heartbeat, call);
    ScheduledFuture<?> task =
        scheduler.scheduleWithFixedDelay(
            stream::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    Set<Stream> agencyStreams =
        open.computeIfAbsent(caller.agencyId(), a -> ConcurrentHashMap.newKeySet());
    agencyStreams.add(stream);
    // Back-pressure: when the client's transport drains, continue at once instead of next poll.
    call.setOnReadyHandler(stream::wake);
    call.setOnCancelHandler(() -> {
      task.cancel(false);
      agencyStreams.remove(stream);
    });
  }

  /**
   * Notifications this replica stored reach its open streams of their agencies at once; those
   * stored by other replicas arrive with the next poll.
   */
  public void stored(List<Notification> notifications) {
    notifications.stream()
        .map(n -> n.recipient().agencyId())
        .distinct()
        .forEach(agency -> open.getOrDefault(agency, Set.of()).forEach(Stream::wake));
  }

  private final class Stream {
    private final AgencyPrincipal caller;
    private final Set<String> kinds;
    private final Duration heartbeat;
    private final ServerCallStreamObserver<SubscribeNotificationsResponse> call;
    private final StreamCursor cursor;
    private Instant lastSent;
    private final AtomicBoolean wakePending = new AtomicBoolean();

    Stream(
        AgencyPrincipal caller,
        long after,
        Set<String> kinds,
        Duration heartbeat,
        ServerCallStreamObserver<SubscribeNotificationsResponse> call) {
      this.caller = caller;
      this.cursor = new StreamCursor(after, gapGrace);
      this.kinds = kinds;
      this.heartbeat = heartbeat;
      this.call = call;
      this.lastSent = clock.instant();
    }

    /** Polls soon on the streams' threads; a wake while one is pending adds nothing. */
    void wake() {
      ScheduledExecutorService executor = scheduler;
      if (executor != null && wakePending.compareAndSet(false, true)) {
        try {
          executor.execute(this::poll);
        } catch (RejectedExecutionException e) {
          wakePending.set(false); // shutting down
        }
      }
    }

    synchronized void poll() {
      wakePending.set(false);
      if (call.isCancelled()) {
        return;
      }
      try {
        while (call.isReady()) {
          List<Notification> found = store.after(caller.agencyId(), cursor.last(), BATCH);
          List<Notification> ready = cursor.accept(found, clock.instant());
          for (Notification n : ready) {
            if ((kinds.isEmpty() || kinds.contains(n.kind()))
                && Notifications.visibleTo(caller, n)) {
              call.onNext(
                  SubscribeNotificationsResponse.newBuilder()
                      .setNotification(NotificationMapping.toProto(n))
                      .build());
              lastSent = clock.instant();
            }
          }
          if (ready.isEmpty() || found.size() < BATCH) {
            break; // caught up (or waiting for a gap to fill); new ones wake the stream again
          }
        }
        if (call.isReady() && !clock.instant().isBefore(lastSent.plus(heartbeat))) {
          call.onNext(
              SubscribeNotificationsResponse.newBuilder()
                  .setHeartbeat(
                      Heartbeat.newBuilder()
                          .setServerTime(NotificationMapping.timestamp(clock.instant()))
                          .setCursor(Notification.cursorOf(cursor.last())))
                  .build());
          lastSent = clock.instant();
        }
      } catch (RuntimeException e) {
        log.warn("notification stream for {} could not poll; retrying", caller.agencyId(), e);
      }
    }
  }

  @Override
  public void start() {
    scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "notification-streams");
              t.setDaemon(true);
              return t;
            });
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
