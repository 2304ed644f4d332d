package org.taskforce.platform.testing;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsResponse;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.PublishNotificationResponse;

/**
 * notification-service as deconfliction sees it: a real gRPC server on a local port that stores
 * each published event once (idempotent by event id, like the real one) and can be switched to fail
 * with UNAVAILABLE.
 */
public final class FakeNotificationService
    extends NotificationServiceGrpc.NotificationServiceImplBase {
  private final Server server;
  private final ConcurrentHashMap<String, PublishNotificationRequest> stored =
      new ConcurrentHashMap<>();
  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final AtomicBoolean down = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicInteger batches =
      new java.util.concurrent.atomic.AtomicInteger();

  public FakeNotificationService() {
    server = FakePeers.serve(this);
  }

  public String address() {
    return FakePeers.address(server);
  }

  public void setDown(boolean isDown) {
    down.set(isDown);
  }

  public List<PublishNotificationRequest> published() {
    return List.copyOf(stored.values());
  }

  public List<PublishNotificationRequest> publishedTo(String agencyId) {
    return stored.values().stream()
        .filter(r -> r.getRecipientsList().stream().anyMatch(x -> x.getAgencyId().equals(agencyId)))
        .toList();
  }

  public int attempts() {
    return attempts.size();
  }

  public void clear() {
    stored.clear();
    attempts.clear();
    batches.set(0);
  }

  /** As new for the next test: nothing received, and up. */
  public void reset() {
    clear();
    setDown(false);
  }

  @Override
  public void publishNotification(
      PublishNotificationRequest request, StreamObserver<PublishNotificationResponse> observer) {
    attempts.add(request.getEventId());
    if (refusedWhileDown(observer)) {
      return;
    }
    boolean duplicate = stored.putIfAbsent(request.getEventId(), request) != null;
    observer.onNext(
        PublishNotificationResponse.newBuilder()
            .setDuplicate(duplicate)
            .addNotificationIds("n-" + request.getEventId())
            .build());
    observer.onCompleted();
  }

  /** As notification-service: each request as PublishNotification would take it. */
  @Override
  public void batchPublishNotifications(
      BatchPublishNotificationsRequest request,
      StreamObserver<BatchPublishNotificationsResponse> observer) {
    request.getRequestsList().forEach(r -> attempts.add(r.getEventId()));
    batches.incrementAndGet();
    if (refusedWhileDown(observer)) {
      return;
    }
    BatchPublishNotificationsResponse.Builder out = BatchPublishNotificationsResponse.newBuilder();
    for (PublishNotificationRequest r : request.getRequestsList()) {
      boolean duplicate = stored.putIfAbsent(r.getEventId(), r) != null;
      out.addResponses(
          PublishNotificationResponse.newBuilder()
              .setDuplicate(duplicate)
              .addNotificationIds("n-" + r.getEventId()));
    }
    observer.onNext(out.build());
    observer.onCompleted();
  }

  /** How many BatchPublishNotifications calls arrived. */
  public int batchCalls() {
    return batches.get();
  }

  private boolean refusedWhileDown(StreamObserver<?> observer) {
    boolean isDown = down.get();
    if (isDown) {
      observer.onError(
          Status.UNAVAILABLE
              .withDescription("notification-service is down (test)")
              .asRuntimeException());
    }
    return isDown;
  }

  public void stop() {
    server.shutdownNow();
  }
}
