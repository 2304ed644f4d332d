package org.taskforce.notifications.benchmark;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
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
 * Sustained publish throughput and publish → stream latency over the real gRPC API and storage
 * (embedded MongoDB, in this process), while a partner system of the agency holds a stream open:
 *
 * <ol>
 *   <li><b>flat out</b>: publishers store {@code bench.notifications} as fast as they can (batches
 *       of {@code bench.batch}, as an outbox relay sends them; 1 = one PublishNotification per
 *       call) — notifications stored per second, and how long the stream took to carry them all;
 *   <li><b>steady</b>: {@code bench.rate} notifications a second for {@code bench.seconds}, {@code
 *       bench.rateBatch} per call, paced without coordinated omission — publish → stream latency at
 *       a load the machine sustains.
 * </ol>
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl notification-service exec:java@notification-benchmark [-Dbench.notifications=20000]
 *     [-Dbench.publishers=4] [-Dbench.batch=50] [-Dbench.rate=2000] [-Dbench.seconds=20]
 *     [-Dbench.rateBatch=50]
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

        // Warm-up (JIT), then sustained throughput flat out, then latency at a steady rate.
        var warm = new Stream(subscriber, "warm", Math.min(5_000, total));
        flatOut(publisher, warm);
        warm.await();
        var flat = new Stream(subscriber, "flat", total);
        double perSecond = flatOut(publisher, flat);
        boolean drained = flat.await();
        double drainedAfter = (System.nanoTime() - flat.opened) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "%npublish flat out: %,d notifications stored in %.1f s = %.0f notifications/s"
                + " (%d publishers, %s)%n",
            total,
            total / perSecond,
            perSecond,
            PUBLISHERS,
            BATCH == 1
                ? "PublishNotification, one per call"
                : "BatchPublishNotifications, " + BATCH + " per call");
        System.out.printf(
            Locale.ROOT,
            "  the open stream had %s of them %.1f s after the first was sent (saturated: %s)%n",
            drained ? "all" : "NOT all",
            drainedAfter,
            flat.latencies());

        int rate = Integer.getInteger("bench.rate", 2_000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int perCall = Integer.getInteger("bench.rateBatch", 50);
        var steady = new Stream(subscriber, "steady", rate * seconds);
        long[] calls =
            Benchmarks.atRate(
                call -> {
                  List<PublishNotificationRequest> batch = new ArrayList<>();
                  for (int k = 0; k < perCall; k++) {
                    batch.add(steady.request(call * perCall + k));
                  }
                  publish(publisher, batch);
                },
                rate / perCall,
                seconds);
        boolean complete = steady.await();
        System.out.printf(
            Locale.ROOT,
            "%nsteady %,d notifications/s for %d s (%d per call): publish call %s%n",
            rate,
            seconds,
            perCall,
            summary(calls));
        System.out.printf(
            Locale.ROOT,
            "publish → stream at that rate: %s%s%n",
            steady.latencies(),
            complete ? "" : " (INCOMPLETE)");
        channel.shutdownNow();
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  private static final int PUBLISHERS = Integer.getInteger("bench.publishers", 4);
  private static final int BATCH = Integer.getInteger("bench.batch", 50);

  /**
   * Publishes everything {@code stream} expects as fast as the publishers can; returns per second.
   */
  private static double flatOut(
      NotificationServiceGrpc.NotificationServiceBlockingStub publisher, Stream stream)
      throws InterruptedException {
    ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    for (int p = 0; p < PUBLISHERS; p++) {
      publishers.execute(() -> {
        int first;
        while ((first = next.getAndAdd(BATCH)) < stream.expected) {
          List<PublishNotificationRequest> batch = new ArrayList<>();
          for (int i = first; i < Math.min(stream.expected, first + BATCH); i++) {
            batch.add(stream.request(i));
          }
          publish(publisher, batch);
        }
      });
    }
    publishers.shutdown();
    publishers.awaitTermination(30, TimeUnit.MINUTES);
    return stream.expected / ((System.nanoTime() - started) / 1e9);
  }

  private static void publish(
      NotificationServiceGrpc.NotificationServiceBlockingStub publisher,
      List<PublishNotificationRequest> batch) {
    if (batch.size() == 1) {
      publisher.publishNotification(batch.getFirst());
    } else {
      publisher.batchPublishNotifications(
          BatchPublishNotificationsRequest.newBuilder().addAllRequests(batch).build());
    }
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
        sorted.length,
        Benchmarks.percentile(sorted, 0.5),
        Benchmarks.percentile(sorted, 0.9),
        Benchmarks.percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  /**
   * A partner system's stream of the agency, open before publishing starts: records, for each
   * notification of this round, the time from its publish call to its arrival.
   */
  private static final class Stream {
    final String label;
    final int expected;
    final long opened = System.nanoTime();
    final long[] sentAt;
    final long[] latencies;
    final AtomicInteger received = new AtomicInteger();
    final CountDownLatch all;

    Stream(NotificationServiceGrpc.NotificationServiceStub subscriber, String label, int expected)
        throws InterruptedException {
      this.label = label;
      this.expected = expected;
      this.sentAt = new long[expected];
      this.latencies = new long[expected];
      this.all = new CountDownLatch(expected);
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
              String id = m.getNotification().getEventId();
              if (id.startsWith(label + "-")) {
                int i = Integer.parseInt(id.substring(label.length() + 1));
                latencies[received.getAndIncrement()] = System.nanoTime() - sentAt[i];
                all.countDown();
              }
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          });
      open.await(10, TimeUnit.SECONDS);
    }

    PublishNotificationRequest request(int i) {
      sentAt[i] = System.nanoTime();
      return PublishNotificationRequest.newBuilder()
          .setEventId(label + "-" + i)
          .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
          .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
          .setTitle("Target conflict " + i)
          .setBody(
              "Your target registration matches a registration of APD. Contact: Det. Rivera,"
                  + " +15055550100.")
          .build();
    }

    boolean await() throws InterruptedException {
      return all.await(2, TimeUnit.MINUTES);
    }

    String latencies() {
      return summary(Arrays.copyOf(latencies, Math.min(received.get(), expected)));
    }
  }

  private static Metadata bearer(String token) {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return m;
  }
}
