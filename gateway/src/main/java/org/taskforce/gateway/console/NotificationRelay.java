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
    return Flux.create(sink -> stub.subscribeNotifications(request, new Observer(sink)));
  }

  private final class Observer
      implements ClientResponseObserver<
          SubscribeNotificationsRequest, SubscribeNotificationsResponse> {
    private final FluxSink<Item> sink;

    Observer(FluxSink<Item> sink) {
      this.sink = sink;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<SubscribeNotificationsRequest> call) {
      sink.onDispose(() -> call.cancel("the browser went away or its session ended", null));
    }

    @Override
    public void onNext(SubscribeNotificationsResponse response) {
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
