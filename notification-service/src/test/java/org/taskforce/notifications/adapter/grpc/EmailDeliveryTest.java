package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.DeliveryStatus;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.WebhookDelivery;
import org.taskforce.api.notifications.v1.WebhookSubscription;

/** The e-mail channel against an SMTP server: delivered, retried on 4xx, dead-lettered on 5xx. */
@TestPropertySource(
    properties = {
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
class EmailDeliveryTest extends NotificationTestBase {
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
    registry.add("taskforce.notifications.email.port", SMTP::port);
  }

  @AfterAll
  static void stopSmtp() throws IOException {
    SMTP.close();
  }

  @BeforeEach
  void resetSmtp() {
    SMTP.reset();
  }

  WebhookSubscription subscribe(String url) {
    return subscribe(url, "duty-desk-secret-0123");
  }

  void publish(String eventId) {
    publishToBcso(
        eventId,
        NotificationKind.NOTIFICATION_KIND_EVENT_CONFLICT,
        "Event conflict near 4th St",
        request ->
            request
                .setBody("Your surveillance overlaps an FBI search warrant. Call SA Brandt.")
                .setRequiresAcknowledgement(true));
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

    WebhookDelivery only = awaitOne(hook, DeliveryStatus.DELIVERY_STATUS_DELIVERED, 15);
    assertThat(SMTP.accepted()).hasSize(1);
    assertThat(only.getAttemptsCount()).isEqualTo(3);
  }

  @Test
  void aMailboxThatDoesNotExist_goesStraightToTheDeadLetters() {
    WebhookSubscription hook = subscribe("mailto:nobody@bcso.example.gov");
    SMTP.refuseNext("550 5.1.1 no such mailbox");
    publish("e-3");

    WebhookDelivery only = awaitOne(hook, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER, 10);
    assertThat(only.getAttemptsCount()).isEqualTo(1);
    assertThat(SMTP.accepted()).isEmpty();
  }

  @Test
  void aMailtoUrlWithMoreThanOneAddress_isRefused() {
    var e = refusal(() -> subscribe("mailto:a@bcso.example.gov,b@bcso.example.gov?subject=x"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(database.getCollection("webhooks").countDocuments()).isZero();
  }
}
