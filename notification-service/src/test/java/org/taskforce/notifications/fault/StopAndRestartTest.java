package org.taskforce.notifications.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.notifications.NotificationServiceApplication;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * The county's records system is down and notification-service is stopped while alerts are being
 * published; the service starts again on the same (file-backed) database, the receiver comes back:
 * every alert arrives, none twice in effect. The publisher behaves like the services' outboxes: it
 * retries each publish until it is answered.
 */
class StopAndRestartTest {
  static final int ALERTS = 120;
  static final String SECRET = "county-rms-shared-secret";
  static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");

  @Test
  void stoppedWhilePublishingAndWhileTheReceiverFails_everyAlertArrives_noneTwiceInEffect(
      @TempDir Path data) throws Exception {
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      WireMockServer receiver =
          new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      receiver.start();
      receiver.stubFor(post(urlEqualTo("/rms")).willReturn(aResponse().withStatus(503)));
      int port = freePort();
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      String service =
          realm.client("deconfliction-service", "taskforce", "STATE", "service").mint();
      java.util.concurrent.atomic.AtomicReference<ConfigurableApplicationContext> app =
          new java.util.concurrent.atomic.AtomicReference<>(start(realm, data, port));
      Thread restart = null;
      try {
        NotificationServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(
                BearerCredentials.of(realm.user("bcso-admin", "bcso", "LOCAL", "admin").mint()))
            .createWebhookSubscription(
                CreateWebhookSubscriptionRequest.newBuilder()
                    .setSubscription(
                        WebhookSubscription.newBuilder()
                            .setUrl(receiver.baseUrl() + "/rms")
                            .setSecret(SECRET)
                            .setEnabled(true))
                    .build());

        AtomicInteger retries = new AtomicInteger();
        for (int i = 0; i < ALERTS; i++) {
          if (i == ALERTS / 3) {
            app.get().close(); // stopped while alerts are being published ...
            restart =
                Thread.ofPlatform()
                    .start(() -> {
                      try {
                        Thread.sleep(3_000);
                      } catch (InterruptedException e) {
                        return;
                      }
                      app.set(start(realm, data, port)); // ... and back, on the same database
                    });
          }
          publishUntilAnswered(channel, service, "alert-" + i, retries);
        }
        assertThat(retries.get()).as("publishes refused while the service was down").isPositive();

        Thread.sleep(1_000); // the receiver stays down a little longer
        receiver.stubFor(post(urlEqualTo("/rms")).willReturn(aResponse().withStatus(204)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (eventIds(receiver.findAll(postRequestedFor(urlEqualTo("/rms")))).size() < ALERTS
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(200);
        }

        List<LoggedRequest> accepted =
            receiver.findAll(postRequestedFor(urlEqualTo("/rms"))).stream()
                .filter(r -> !r.getHeader("X-Taskforce-Delivery").isEmpty())
                .toList();
        Map<String, String> keyOfEvent = new HashMap<>();
        for (LoggedRequest r : accepted) {
          String event = eventId(r);
          String key = r.getHeader("Idempotency-Key");
          String earlier = keyOfEvent.putIfAbsent(event, key);
          assertThat(earlier == null || earlier.equals(key))
              .as("every delivery of %s carries the same idempotency key", event)
              .isTrue();
        }
        assertThat(keyOfEvent).as("every alert reached the receiver").hasSize(ALERTS);
        assertThat(new HashSet<>(keyOfEvent.values()))
            .as("one idempotency key per alert: once in effect")
            .hasSize(ALERTS);
        ListNotificationsResponse inbox =
            NotificationServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(
                    BearerCredentials.of(
                        realm.user("bcso-1", "bcso", "LOCAL", "investigator").mint()))
                .listNotifications(ListNotificationsRequest.newBuilder().setPageSize(200).build());
        assertThat(inbox.getNotificationsList()).as("stored once each").hasSize(ALERTS);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        if (restart != null) {
          restart.join();
        }
        app.get().close();
        receiver.stop();
      }
    }
  }

  private static ConfigurableApplicationContext start(
      KeycloakTestRealm realm, Path data, int port) {
    return new SpringApplication(NotificationServiceApplication.class)
        .run(
            "--spring.grpc.server.port=" + port,
            "--spring.grpc.server.host=127.0.0.1",
            "--server.port=0",
            "--taskforce.mongodb.embedded-backend=H2",
            "--taskforce.mongodb.data-dir=" + data,
            "--taskforce.security.issuer-uri=" + realm.issuer(),
            "--taskforce.notifications.escalation-enabled=false",
            "--taskforce.notifications.webhooks.allow-plain-http=true",
            "--taskforce.notifications.webhooks.allowed-networks=127.0.0.1",
            "--taskforce.notifications.webhooks.poll-interval=50ms",
            "--taskforce.notifications.webhooks.initial-backoff=100ms",
            "--taskforce.notifications.webhooks.max-backoff=500ms",
            "--taskforce.notifications.webhooks.max-attempts=1000",
            "--taskforce.notifications.webhooks.breaker-open-for=500ms",
            "--taskforce.notifications.webhooks.timeout=1s");
  }

  /** As an outbox relay does: try again until notification-service answers. */
  private static void publishUntilAnswered(
      ManagedChannel channel, String token, String eventId, AtomicInteger retries)
      throws InterruptedException {
    while (true) {
      try {
        NotificationServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(BearerCredentials.of(token))
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .publishNotification(
                PublishNotificationRequest.newBuilder()
                    .setEventId(eventId)
                    .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
                    .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
                    .setTitle("Target conflict " + eventId)
                    .setBody("Contact Det. Rivera, +15055550100.")
                    .build());
        return;
      } catch (StatusRuntimeException down) {
        retries.incrementAndGet();
        Thread.sleep(100);
      }
    }
  }

  private static Set<String> eventIds(List<LoggedRequest> requests) {
    Set<String> ids = new HashSet<>();
    requests.forEach(r -> ids.add(eventId(r)));
    return ids;
  }

  private static String eventId(LoggedRequest r) {
    Matcher m = EVENT_ID.matcher(r.getBodyAsString());
    return m.find() ? m.group(1) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
