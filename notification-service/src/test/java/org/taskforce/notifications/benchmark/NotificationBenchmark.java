package org.taskforce.notifications.benchmark;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.notifications.NotificationServiceApplication;
import org.taskforce.platform.testing.Benchmarks;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Publish → stream latency and sustained publish throughput over the real gRPC API and storage
 * (embedded MongoDB): four publishers store notifications for one agency as fast as they can, while
 * a partner system of that agency holds a stream open; each notification carries its send time, so
 * the stream side measures publish-to-delivery latency.
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl notification-service exec:java@notification-benchmark [-Dbench.notifications=20000]
 * </pre>
 */
public final class NotificationBenchmark {
  public static void main(String[] args) throws Exception {
    int total = Integer.getInteger("bench.notifications", 20_000);
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      ConfigurableApplicationContext app =
          new SpringApplication(NotificationServiceApplication.class)
              .run(
                  "--spring.grpc.server.port=0",
                  "--spring.grpc.server.host=127.0.0.1",
                  "--server.port=0",
                  "--taskforce.mongodb.embedded-backend=MEMORY",
                  "--taskforce.security.issuer-uri=" + realm.issuer(),
                  "--taskforce.notifications.escalation-enabled=false",
                  "--logging.level.root=WARN");
      try {
        ManagedChannel channel =
            NettyChannelBuilder.forAddress(
                    "127.0.0.1", app.getBean(GrpcServerLifecycle.class).getPort())
                .usePlaintext()
                .build();
        Instant exp = Instant.now().plus(Duration.ofHours(2));
        var publisher =
            NotificationServiceGrpc.newBlockingStub(channel)
                .withInterceptors(
                    MetadataUtils.newAttachHeadersInterceptor(
                        bearer(
                            realm
                                .client("deconfliction-service", "taskforce", "STATE", "service")
                                .claim("exp", exp)
                                .mint())));
        var subscriber =
            NotificationServiceGrpc.newStub(channel)
                .withInterceptors(
                    MetadataUtils.newAttachHeadersInterceptor(
                        bearer(
                            realm
                                .client("bcso-rms", "bcso", "LOCAL", "partner-system")
                                .claim("exp", exp)
                                .mint())));

        // Warm-up round (JIT), then the measured one.
        run(publisher, subscriber, Math.min(5_000, total), "warm");
        run(publisher, subscriber, total, "run");
        channel.shutdownNow();
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  private static void run(
      NotificationServiceGrpc.NotificationServiceBlockingStub publisher,
      NotificationServiceGrpc.NotificationServiceStub subscriber,
      int total,
      String label)
      throws Exception {
    long[] latencies = new long[total];
    ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(total);
    AtomicInteger received = new AtomicInteger();
    CountDownLatch open = new CountDownLatch(1);
    subscriber.subscribeNotifications(
        SubscribeNotificationsRequest.newBuilder()
            .setHeartbeatInterval(com.google.protobuf.Duration.newBuilder().setSeconds(1))
            .build(),
        new StreamObserver<>() {
          @Override
          public void onNext(SubscribeNotificationsResponse m) {
            if (m.hasHeartbeat()) {
              open.countDown();
              return;
            }
            Long sent = sentAt.get(m.getNotification().getEventId());
            if (sent != null && m.getNotification().getEventId().startsWith(label)) {
              int i = received.getAndIncrement();
              if (i < total) {
                latencies[i] = System.nanoTime() - sent;
                all.countDown();
              }
            }
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
    open.await(10, TimeUnit.SECONDS);
    int threads = Integer.getInteger("bench.publishers", 4);
    ExecutorService publishers = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    for (int p = 0; p < threads; p++) {
      publishers.execute(() -> {
        int i;
        while ((i = next.getAndIncrement()) < total) {
          String id = label + "-" + i;
          sentAt.put(id, System.nanoTime());
          publisher.publishNotification(
              PublishNotificationRequest.newBuilder()
                  .setEventId(id)
                  .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
                  .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
                  .setTitle("Target conflict " + i)
                  .setBody(
                      "Your target registration matches a registration of APD. Contact: Det. Rivera, +15055550100.")
                  .build());
        }
      });
    }
    publishers.shutdown();
    publishers.awaitTermination(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - started) / 1e9;
    boolean complete = all.await(2, TimeUnit.MINUTES);
    if (label.equals("run")) {
      long[] sorted = Arrays.copyOf(latencies, received.get() < total ? received.get() : total);
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "publish: %,d notifications stored in %.1f s = %.0f notifications/s (%d publishers, gRPC, one per call)%n",
          total,
          seconds,
          total / seconds,
          threads);
      System.out.printf(
          Locale.ROOT,
          "publish → stream: n=%d%s p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          sorted.length,
          complete ? "" : " (INCOMPLETE)",
          Benchmarks.percentile(sorted, 0.5),
          Benchmarks.percentile(sorted, 0.9),
          Benchmarks.percentile(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6);
    }
  }

  private static Metadata bearer(String token) {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return m;
  }
}
