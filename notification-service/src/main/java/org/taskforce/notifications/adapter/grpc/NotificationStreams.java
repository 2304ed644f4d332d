package org.taskforce.notifications.adapter.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.taskforce.api.notifications.v1.Heartbeat;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.notifications.application.NotificationStore;
import org.taskforce.notifications.application.Notifications;
import org.taskforce.notifications.application.StreamCursor;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.GrpcErrors;
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
  private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
  private static final int BATCH = 200;
  private static final int MAX_FRESH = 1_000;

  private final NotificationStore store;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration gapGrace;
  private final Map<String, Set<Stream>> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
  private final int maxPerCaller;
  private final String errorDomain;
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
    this.store = store;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.gapGrace = gapGrace;
    this.maxPerCaller = maxPerCaller;
    this.errorDomain = errorDomain;
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
    AtomicInteger held = perCaller.computeIfAbsent(who, k -> new AtomicInteger());
    if (held.incrementAndGet() > maxPerCaller) {
      held.decrementAndGet();
      throw new TaskforceException(
          ErrorKind.RESOURCE_EXHAUSTED,
          "TOO_MANY_STREAMS",
          "at most "
              + maxPerCaller
              + " notification streams per caller at once; close one or reuse it");
    }
    Set<Stream> agencyStreams =
        open.computeIfAbsent(caller.agencyId(), a -> ConcurrentHashMap.newKeySet());
    Stream stream = new Stream(caller, after, kinds, heartbeat, expires, call);
    stream.onClose =
        () -> {
          agencyStreams.remove(stream);
          held.decrementAndGet();
        };
    agencyStreams.add(stream);
    // Back-pressure: when the client's transport drains, continue at once instead of next poll.
    call.setOnReadyHandler(stream::wake);
    call.setOnCancelHandler(stream::close);
    stream.task =
        scheduler.scheduleWithFixedDelay(
            stream::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
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
          open.getOrDefault(agency, Set.of()).forEach(s -> s.offer(theirs));
        });
  }

  private final class Stream {
    private final AgencyPrincipal caller;
    private final Set<String> kinds;
    private final Duration heartbeat;
    private final ServerCallStreamObserver<SubscribeNotificationsResponse> call;
    private final StreamCursor cursor;
    private Instant lastSent;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Notification> fresh = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freshCount = new AtomicInteger();
    private final Instant expires;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;
    private volatile Runnable onClose = () -> {};

    Stream(
        AgencyPrincipal caller,
        long after,
        Set<String> kinds,
        Duration heartbeat,
        Instant expires,
        ServerCallStreamObserver<SubscribeNotificationsResponse> call) {
      this.caller = caller;
      this.expires = expires;
      this.cursor = new StreamCursor(after, gapGrace);
      this.kinds = kinds;
      this.heartbeat = heartbeat;
      this.call = call;
      this.lastSent = clock.instant();
    }

    /**
     * Notifications this replica just stored: sent without reading them back when they are the next
     * ones after the cursor, else the database is read as usual. Held only until the next poll and
     * at most {@value #MAX_FRESH}; the database stays the source of truth.
     */
    void offer(List<Notification> stored) {
      if (freshCount.addAndGet(stored.size()) <= MAX_FRESH) {
        fresh.addAll(stored);
      } else {
        freshCount.addAndGet(-stored.size()); // a slow client: the database has them
      }
      wake();
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

    private List<Notification> drainFresh() {
      List<Notification> out = new ArrayList<>();
      for (Notification n; (n = fresh.poll()) != null; ) {
        out.add(n);
      }
      freshCount.addAndGet(-out.size());
      out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
      return out;
    }

    /** Whether these (sorted) are exactly the numbers after the cursor, without a gap. */
    private boolean nextAfterCursor(List<Notification> sorted) {
      long expected = cursor.last() + 1;
      for (Notification n : sorted) {
        if (n.sequence() != expected++) {
          return false;
        }
      }
      return !sorted.isEmpty();
    }

    private void send(List<Notification> ready) {
      for (Notification n : ready) {
        if ((kinds.isEmpty() || kinds.contains(n.kind())) && Notifications.visibleTo(caller, n)) {
          call.onNext(
              SubscribeNotificationsResponse.newBuilder()
                  .setNotification(NotificationMapping.toProto(n))
                  .build());
          lastSent = clock.instant();
        }
      }
    }

    /** Stops polling and frees the caller's place; once, however it ends. */
    void close() {
      if (closed.compareAndSet(false, true)) {
        ScheduledFuture<?> t = task;
        if (t != null) {
          t.cancel(false);
        }
        onClose.run();
      }
    }

    synchronized void poll() {
      wakePending.set(false);
      if (closed.get() || call.isCancelled()) {
        close();
        return;
      }
      if (expires != null && !clock.instant().isBefore(expires)) {
        close();
        StatusRuntimeException expired =
            GrpcErrors.toStatusRuntimeException(
                new TaskforceException(
                    ErrorKind.UNAUTHENTICATED,
                    "TOKEN_EXPIRED",
                    "the token that opened this stream expired; reconnect with a fresh token and"
                        + " the last cursor received"),
                errorDomain);
        try {
          call.onError(expired);
        } catch (RuntimeException e) {
          log.debug("stream of {} ended while closing", caller.agencyId(), e);
        }
        return;
      }
      List<Notification> local = drainFresh();
      try {
        if (call.isReady() && nextAfterCursor(local)) {
          send(cursor.accept(local, clock.instant()));
          return; // anything stored elsewhere meanwhile comes with the next poll
        }
        while (call.isReady()) {
          List<Notification> found = store.after(caller.agencyId(), cursor.last(), BATCH);
          List<Notification> ready = cursor.accept(found, clock.instant());
          send(ready);
          long newerEra = found.isEmpty() ? store.nextEraStart(cursor.last()) : -1;
          if (newerEra > cursor.last()) {
            cursor.jumpTo(newerEra); // an older era read to its end: go on in the next one
            continue;
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
