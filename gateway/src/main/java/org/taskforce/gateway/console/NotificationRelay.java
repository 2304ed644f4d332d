package org.taskforce.gateway.console;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.gateway.web.GrpcBackends;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * notification-service's resumable stream (SubscribeNotifications) for one signed-in user, called
 * with the user's own access token: the service decides what the user's agency and roles may see,
 * exactly as for any gRPC subscriber. Cancelling the flux cancels the call.
 *
 * <p>The call runs under manual flow control: one message is asked of the service at a time, and
 * only while the browser's side has demand. A slow reader (or one replaying its agency's history
 * from {@code Last-Event-ID: 0}) therefore holds at most one message here and the HTTP/2 window in
 * the transport, never the whole history.
 */
final class NotificationRelay {
  static final String SERVICE = "taskforce.notifications.v1.NotificationService";
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  /** What the stream said: a notification (its cursor and JSON), or a heartbeat. */
  sealed interface Item {}

  record NotificationItem(String cursor, String json) implements Item {}

  record HeartbeatItem(String cursor) implements Item {}

  private final GrpcBackends backends;
  private final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();

  NotificationRelay(GrpcBackends backends) {
    this.backends = backends;
  }

  /**
   * The user's notifications after {@code afterCursor} (empty: only new ones); the flux fails with
   * the stream's {@link io.grpc.StatusRuntimeException} and completes when the service ends it.
   */
  Flux<Item> subscribe(
      String accessToken, String afterCursor, Duration heartbeat, String requestId) {
    var channel = backends.channel(backends.backendOf(SERVICE));
    var stub =
        NotificationServiceGrpc.newStub(channel)
            .withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(headers(accessToken, requestId)));
    var request =
        SubscribeNotificationsRequest.newBuilder()
            .setAfterCursor(afterCursor)
            .setHeartbeatInterval(Durations.fromMillis(heartbeat.toMillis()))
            .build();
    return Flux.create(
        sink -> {
          var observer = new Observer(sink);
          stub.subscribeNotifications(request, observer);
          // The call has started: from now on, demand downstream asks the service for more.
          sink.onRequest(n -> observer.pull());
        },
        FluxSink.OverflowStrategy.BUFFER);
  }

  private final class Observer
      implements ClientResponseObserver<
          SubscribeNotificationsRequest, SubscribeNotificationsResponse> {
    private final FluxSink<Item> sink;

    /** No message is asked of the service and none is on its way: the next demand asks for one. */
    private final AtomicBoolean idle = new AtomicBoolean(true);

    private volatile ClientCallStreamObserver<SubscribeNotificationsRequest> call;

    Observer(FluxSink<Item> sink) {
      this.sink = sink;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<SubscribeNotificationsRequest> call) {
      this.call = call;
      call.disableAutoRequestWithInitial(0);
      sink.onDispose(() -> call.cancel("the browser went away or its session ended", null));
    }

    /** Asks the service for one more message if the browser's side wants one and none is coming. */
    void pull() {
      if (sink.requestedFromDownstream() > 0 && idle.compareAndSet(true, false)) {
        call.request(1);
      }
    }

    @Override
    public void onNext(SubscribeNotificationsResponse response) {
      try {
        relay(response);
      } finally {
        idle.set(true);
        pull();
      }
    }

    private void relay(SubscribeNotificationsResponse response) {
      if (response.hasNotification()) {
        try {
          sink.next(
              new NotificationItem(
                  response.getNotification().getCursor(),
                  printer.print(response.getNotification())));
        } catch (InvalidProtocolBufferException e) {
          sink.error(Status.INTERNAL.withDescription("unprintable notification").asException());
        }
      } else if (response.hasHeartbeat()) {
        sink.next(new HeartbeatItem(response.getHeartbeat().getCursor()));
      }
    }

    @Override
    public void onError(Throwable t) {
      sink.error(t);
    }

    @Override
    public void onCompleted() {
      sink.complete();
    }
  }

  private static Metadata headers(String token, String requestId) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    if (requestId != null) {
      headers.put(REQUEST_ID, requestId);
    }
    return headers;
  }
}
