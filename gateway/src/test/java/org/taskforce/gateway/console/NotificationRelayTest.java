package org.taskforce.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.gateway.config.GatewayProperties;
import org.taskforce.gateway.web.GrpcBackends;
import reactor.core.publisher.BaseSubscriber;

/**
 * The relay against a notification service with a long history that sends as fast as gRPC's flow
 * control lets it: a browser that reads slowly holds the service back, rather than the gateway
 * pulling the whole history into memory for it.
 */
class NotificationRelayTest {
  private static final int HISTORY = 40_000;
  private static final String BODY = "x".repeat(1_000);

  private final AtomicInteger sent = new AtomicInteger();
  private Server server;
  private GrpcBackends backends;

  @AfterEach
  void stop() {
    if (backends != null) backends.close();
    if (server != null) server.shutdownNow();
  }

  @Test
  void aSlowReader_holdsTheServiceBack_andThenGetsEverything_inOrder() throws Exception {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new History())
            .build()
            .start();
    backends = new GrpcBackends(properties(server.getPort()));
    var received = new CopyOnWriteArrayList<String>();
    var reader =
        new BaseSubscriber<NotificationRelay.Item>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(5);
          }

          @Override
          protected void hookOnNext(NotificationRelay.Item item) {
            received.add(((NotificationRelay.NotificationItem) item).cursor());
          }
        };
    new NotificationRelay(backends)
        .subscribe("token", "0", Duration.ofMinutes(5), "req-1")
        .subscribe(reader);

    await(() -> received.size() == 5, Duration.ofSeconds(10));
    // Wait until the service is held back: what it has sent stops growing.
    int before;
    do {
      before = sent.get();
      Thread.sleep(500);
    } while (sent.get() != before);
    assertThat(received).containsExactly(cursor(1), cursor(2), cursor(3), cursor(4), cursor(5));
    // What is in flight is bounded by the transport's window (a few MB here), not by the history
    // (40 MB): without flow control all of it would be sent into the gateway's buffer.
    assertThat(sent.get()).isLessThan(HISTORY / 4);

    reader.request(Long.MAX_VALUE);
    await(() -> received.size() == HISTORY, Duration.ofSeconds(60));
    assertThat(received.get(HISTORY - 1)).isEqualTo(cursor(HISTORY));
    assertThat(received).doesNotHaveDuplicates();
    reader.dispose();
  }

  private final class History extends NotificationServiceGrpc.NotificationServiceImplBase {
    @Override
    public void subscribeNotifications(
        SubscribeNotificationsRequest request,
        StreamObserver<SubscribeNotificationsResponse> response) {
      var call = (ServerCallStreamObserver<SubscribeNotificationsResponse>) response;
      call.setOnReadyHandler(() -> {
        while (call.isReady() && sent.get() < HISTORY) {
          int n = sent.incrementAndGet();
          call.onNext(
              SubscribeNotificationsResponse.newBuilder()
                  .setNotification(
                      Notification.newBuilder()
                          .setNotificationId("n-" + n)
                          .setCursor(cursor(n))
                          .setBody(BODY))
                  .build());
        }
      });
    }
  }

  private static String cursor(int n) {
    return String.format("%012d", n);
  }

  private static GatewayProperties properties(int port) {
    return new GatewayProperties(
        Map.of("notification-service", URI.create("http://127.0.0.1:" + port)),
        new GatewayProperties.Gateway(
            Map.of(NotificationRelay.SERVICE, "notification-service"),
            Duration.ofSeconds(10),
            1,
            null,
            null,
            List.of()));
  }

  private static void await(BooleanSupplier condition, Duration atMost)
      throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", atMost).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
