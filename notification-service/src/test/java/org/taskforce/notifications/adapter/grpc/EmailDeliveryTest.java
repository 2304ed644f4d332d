package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.DeliveryStatus;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.WebhookDelivery;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.KeycloakTestRealm;

/** The e-mail channel against an SMTP server: delivered, retried on 4xx, dead-lettered on 5xx. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY",
      "taskforce.notifications.escalation-enabled=false",
      "taskforce.notifications.webhooks.poll-interval=50ms",
      "taskforce.notifications.webhooks.initial-backoff=50ms",
      "taskforce.notifications.webhooks.max-backoff=200ms",
      "taskforce.notifications.webhooks.timeout=2s",
      "taskforce.notifications.webhooks.max-attempts=5",
      "taskforce.notifications.webhooks.breaker-minimum-calls=20",
      "taskforce.notifications.email.enabled=true",
      "taskforce.notifications.email.host=127.0.0.1",
      "taskforce.notifications.email.starttls=false",
      "taskforce.notifications.email.from=taskforce-alerts@nmag.example.gov"
    })
class EmailDeliveryTest {
  static final KeycloakTestRealm REALM = new KeycloakTestRealm();
  static final FakeSmtpServer SMTP;

  static {
    try {
      SMTP = new FakeSmtpServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("taskforce.security.issuer-uri", REALM::issuer);
    registry.add("taskforce.notifications.email.port", SMTP::port);
  }

  @AfterAll
  static void stopSmtp() throws IOException {
    SMTP.close();
  }

  @Autowired GrpcServerLifecycle server;
  @Autowired MongoDatabase database;
  ManagedChannel channel;

  @BeforeEach
  void connect() {
    for (String c :
        List.of(
            "notifications",
            "sequences",
            "published_events",
            "stream_index",
            "webhooks",
            "webhook_deliveries")) {
      database.getCollection(c).deleteMany(new Document());
    }
    SMTP.reset();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  NotificationServiceGrpc.NotificationServiceBlockingStub as(String token) {
    return NotificationServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  String admin() {
    return REALM.user("bcso-admin", "bcso", "LOCAL", "admin").mint();
  }

  WebhookSubscription subscribe(String url) {
    return as(admin())
        .createWebhookSubscription(
            CreateWebhookSubscriptionRequest.newBuilder()
                .setSubscription(
                    WebhookSubscription.newBuilder().setUrl(url).setSecret("duty-desk-secret-0123"))
                .build())
        .getSubscription();
  }

  void publish(String eventId) {
    as(REALM.client("deconfliction-service", "taskforce", "STATE", "service").mint())
        .publishNotification(
            PublishNotificationRequest.newBuilder()
                .setEventId(eventId)
                .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
                .setKind(NotificationKind.NOTIFICATION_KIND_EVENT_CONFLICT)
                .setTitle("Event conflict near 4th St")
                .setBody("Your surveillance overlaps an FBI search warrant. Call SA Brandt.")
                .setRequiresAcknowledgement(true)
                .build());
  }

  List<WebhookDelivery> deliveries(WebhookSubscription hook, DeliveryStatus status) {
    return as(admin())
        .listWebhookDeliveries(
            ListWebhookDeliveriesRequest.newBuilder()
                .setSubscriptionId(hook.getSubscriptionId())
                .addStatuses(status)
                .build())
        .getDeliveriesList();
  }

  @Test
  void aMailtoSubscription_getsTheAlertByEmail_inWords_withItsIdempotencyKey() {
    subscribe("mailto:watch-desk@bcso.example.gov");
    publish("e-1");

    await().atMost(Duration.ofSeconds(10)).until(() -> SMTP.accepted().size() == 1);
    FakeSmtpServer.Mail mail = SMTP.accepted().getFirst();
    assertThat(mail.recipients()).containsExactly("watch-desk@bcso.example.gov");
    assertThat(mail.data())
        .contains("From: taskforce-alerts@nmag.example.gov")
        .contains("Subject: [Taskforce] Event conflict near 4th St")
        .contains("Your surveillance overlaps an FBI search warrant")
        .contains("Acknowledge it in Taskforce")
        .containsPattern("Message-ID: <[^@>]+@taskforce>")
        .contains("X-Taskforce-Signature: sha256=")
        .contains("Idempotency-Key: ");
  }

  @Test
  void aBusyMailServer_isRetried_andTheAlertArrivesOnce() {
    WebhookSubscription hook = subscribe("mailto:watch-desk@bcso.example.gov");
    SMTP.refuseNext("451 4.3.0 try again later", "421 4.7.0 too busy");
    publish("e-2");

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> deliveries(hook, DeliveryStatus.DELIVERY_STATUS_DELIVERED).size() == 1);
    assertThat(SMTP.accepted()).hasSize(1);
    assertThat(
            deliveries(hook, DeliveryStatus.DELIVERY_STATUS_DELIVERED)
                .getFirst()
                .getAttemptsCount())
        .isEqualTo(3);
  }

  @Test
  void aMailboxThatDoesNotExist_goesStraightToTheDeadLetters() {
    WebhookSubscription hook = subscribe("mailto:nobody@bcso.example.gov");
    SMTP.refuseNext("550 5.1.1 no such mailbox");
    publish("e-3");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> deliveries(hook, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER).size() == 1);
    assertThat(
            deliveries(hook, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER)
                .getFirst()
                .getAttemptsCount())
        .isEqualTo(1);
    assertThat(SMTP.accepted()).isEmpty();
  }

  @Test
  void aMailtoUrlWithMoreThanOneAddress_isRefused() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> subscribe("mailto:a@bcso.example.gov,b@bcso.example.gov?subject=x"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(database.getCollection("webhooks").countDocuments()).isZero();
  }
}
