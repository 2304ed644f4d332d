package org.taskforce.notifications.adapter.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskforce.api.notifications.v1.Heartbeat;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.notifications.application.Audience;
import org.taskforce.notifications.application.StreamCursor;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.GrpcErrors;
import org.taskforce.platform.grpc.ProtoTimes;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * One open SubscribeNotifications stream: it polls its agency's notifications after its cursor (and
 * takes those its replica just stored without reading them back), sends those its caller may see,
 * beats when idle, and ends when its token expires or the client goes.
 */
final class NotificationStream {
  private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);
  private static final int BATCH = 200;
  private static final int MAX_FRESH = 1_000;

  /** What every stream of a replica shares. */
  record Shared(
      NotificationStore store,
      Clock clock,
      Duration gapGrace,
      Supplier<ScheduledExecutorService> executor,
      String errorDomain) {}

  /** What one subscriber asked for. */
  record Subscription(
      AgencyPrincipal caller, long after, Set<String> kinds, Duration heartbeat, Instant expires) {}

  private final Shared shared;
  private final Subscription subscription;
  private final ServerCallStreamObserver<SubscribeNotificationsResponse> call;
  private final StreamCursor cursor;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final ConcurrentLinkedQueue<Notification> fresh = new ConcurrentLinkedQueue<>();
  private final AtomicInteger freshCount = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Consumer<NotificationStream> onClose;
  private Instant lastSent;
  private volatile ScheduledFuture<?> task;

  NotificationStream(
      Shared shared,
      Subscription subscription,
      ServerCallStreamObserver<SubscribeNotificationsResponse> call,
      Consumer<NotificationStream> onClose) {
    this.shared = shared;
    this.subscription = subscription;
    this.call = call;
    this.onClose = onClose;
    this.cursor = new StreamCursor(subscription.after(), shared.gapGrace());
    this.lastSent = shared.clock().instant();
  }

  /** The polling task, cancelled when the stream closes. */
  void pollWith(ScheduledFuture<?> polling) {
    this.task = polling;
  }

  /**
   * Notifications this replica just stored: sent without reading them back when they are the next
   * ones after the cursor, else the database is read as usual. Held only until the next poll and at
   * most {@value #MAX_FRESH}; the database stays the source of truth.
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
    ScheduledExecutorService executor = shared.executor().get();
    if (executor != null && wakePending.compareAndSet(false, true)) {
      try {
        executor.execute(this::poll);
      } catch (RejectedExecutionException e) {
        wakePending.set(false); // shutting down
      }
    }
  }

  /** Stops polling and frees the caller's place; once, however it ends. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      ScheduledFuture<?> polling = task;
      if (polling != null) {
        polling.cancel(false);
      }
      onClose.accept(this);
    }
  }

  synchronized void poll() {
    wakePending.set(false);
    if (closed.get() || call.isCancelled()) {
      close();
      return;
    }
    Instant expires = subscription.expires();
    if (expires != null && !shared.clock().instant().isBefore(expires)) {
      endExpired();
      return;
    }
    List<Notification> local = drainFresh();
    try {
      if (call.isReady() && nextAfterCursor(local)) {
        send(cursor.accept(local, shared.clock().instant()));
        return; // anything stored elsewhere meanwhile comes with the next poll
      }
      readStored();
      beatIfIdle();
    } catch (RuntimeException e) {
      log.warn("notification stream for {} could not poll; retrying", agency(), e);
    }
  }

  /** Sends what the database holds after the cursor while the client takes it. */
  private void readStored() {
    NotificationStore store = shared.store();
    while (call.isReady()) {
      List<Notification> found = store.after(agency(), cursor.last(), BATCH);
      List<Notification> ready = cursor.accept(found, shared.clock().instant());
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
  }

  private void beatIfIdle() {
    Instant now = shared.clock().instant();
    if (call.isReady() && !now.isBefore(lastSent.plus(subscription.heartbeat()))) {
      call.onNext(
          SubscribeNotificationsResponse.newBuilder()
              .setHeartbeat(
                  Heartbeat.newBuilder()
                      .setServerTime(ProtoTimes.timestamp(now))
                      .setCursor(Notification.cursorOf(cursor.last())))
              .build());
      lastSent = shared.clock().instant();
    }
  }

  /** Ends the stream with UNAUTHENTICATED (TOKEN_EXPIRED): the client reconnects and resumes. */
  private void endExpired() {
    close();
    StatusRuntimeException expired =
        GrpcErrors.toStatusRuntimeException(
            new TaskforceException(
                ErrorKind.UNAUTHENTICATED,
                "TOKEN_EXPIRED",
                "the token that opened this stream expired; reconnect with a fresh token and"
                    + " the last cursor received"),
            shared.errorDomain());
    try {
      call.onError(expired);
    } catch (RuntimeException e) {
      log.debug("stream of {} ended while closing", agency(), e);
    }
  }

  private List<Notification> drainFresh() {
    List<Notification> drained = new ArrayList<>();
    for (Notification next = fresh.poll(); next != null; next = fresh.poll()) {
      drained.add(next);
    }
    freshCount.addAndGet(-drained.size());
    drained.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return drained;
  }

  /** Whether these (sorted) are exactly the numbers after the cursor, without a gap. */
  private boolean nextAfterCursor(List<Notification> sorted) {
    long expected = cursor.last() + 1;
    for (Notification notification : sorted) {
      if (notification.sequence() != expected++) {
        return false;
      }
    }
    return !sorted.isEmpty();
  }

  private void send(List<Notification> ready) {
    Set<String> kinds = subscription.kinds();
    for (Notification notification : ready) {
      if ((kinds.isEmpty() || kinds.contains(notification.kind()))
          && Audience.sees(subscription.caller(), notification)) {
        call.onNext(
            SubscribeNotificationsResponse.newBuilder()
                .setNotification(NotificationMapping.toProto(notification))
                .build());
        lastSent = shared.clock().instant();
      }
    }
  }

  private String agency() {
    return subscription.caller().agencyId();
  }
}
