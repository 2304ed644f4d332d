package org.taskforce.notifications.adapter.grpc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.DeliveryStatus;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryRequest;
import org.taskforce.api.notifications.v1.WebhookDelivery;
import org.taskforce.api.notifications.v1.WebhookHealth;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.notifications.adapter.webhook.CircuitBreakerGuard;
import org.taskforce.notifications.application.WebhookDispatcher;

/** Webhooks against WireMock as the partner's receiver. */
@TestPropertySource(
    properties = {
      "taskforce.notifications.webhooks.allow-plain-http=true",
      "taskforce.notifications.webhooks.allowed-networks=127.0.0.1/32",
      "taskforce.notifications.webhooks.poll-interval=50ms",
      "taskforce.notifications.webhooks.initial-backoff=50ms",
      "taskforce.notifications.webhooks.max-backoff=200ms",
      "taskforce.notifications.webhooks.timeout=500ms",
      "taskforce.notifications.webhooks.max-attempts=4",
      "taskforce.notifications.webhooks.breaker-minimum-calls=4",
      "taskforce.notifications.webhooks.breaker-open-for=1s"
    })
class WebhookDeliveryTest extends NotificationTestBase {
  static final WireMockServer RECEIVER =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  static final String SECRET = "s3cret-shared-with-the-county";

  @Autowired WebhookDispatcher dispatcher;
  @Autowired CircuitBreakerGuard guard;

  static {
    RECEIVER.start();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop();
  }

  @BeforeEach
  void resetReceiver() {
    RECEIVER.resetAll();
  }

  WebhookSubscription subscribe(String path) {
    return subscribe(RECEIVER.baseUrl() + path, SECRET);
  }

  void publish(String eventId) {
    publishToBcso(
        eventId,
        NotificationKind.NOTIFICATION_KIND_EVENT_CONFLICT,
        "Event conflict " + eventId,
        request -> request);
  }

  List<LoggedRequest> received(String path) {
    return RECEIVER.findAll(postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void deliveriesAreSigned_soTheReceiverCanVerifyThem_withASecretTheDatabaseHoldsEncrypted() {
    RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    subscribe("/hook");
    publish("e-1");
    org.bson.Document stored = database.getCollection("webhooks").find().first();
    assertThat(stored.getString("secret")).startsWith("aes-gcm:v1:").doesNotContain(SECRET);

    await().atMost(Duration.ofSeconds(10)).until(() -> received("/hook").size() == 1);
    LoggedRequest r = received("/hook").getFirst();
    String timestamp = r.getHeader("X-Taskforce-Timestamp");
    assertThat(r.getHeader("X-Taskforce-Signature"))
        .isEqualTo(
            "sha256=" + WebhookDispatcher.sign(SECRET, timestamp + "." + r.getBodyAsString()));
    assertThat(r.getHeader("Idempotency-Key")).isNotBlank();
    assertThat(r.getBodyAsString()).contains("\"eventId\":\"e-1\"").contains("EVENT_CONFLICT");
    RECEIVER.verify(
        postRequestedFor(urlEqualTo("/hook"))
            .withRequestBody(matchingJsonPath("$.recipient.agencyId", equalTo("bcso"))));
  }

  @Test
  void serverErrorsAndTimeoutsAreRetried_withTheSameIdempotencyKey() {
    RECEIVER.stubFor(
        post("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("slow"));
    RECEIVER.stubFor(
        post("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs("slow")
            .willReturn(aResponse().withStatus(200).withFixedDelay(1_500))
            .willSetStateTo("ok"));
    RECEIVER.stubFor(
        post("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200)));
    WebhookSubscription hook = subscribe("/flaky");
    publish("e-1");

    var delivery = awaitOne(hook, DeliveryStatus.DELIVERY_STATUS_DELIVERED, 10);
    assertThat(delivery.getAttemptsList())
        .extracting(a -> a.getHttpStatus())
        .containsExactly(503, 0, 200);
    assertThat(received("/flaky"))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(delivery.getIdempotencyKey());
  }

  @Test
  void clientErrors_areNotRetried_butTooManyRequestsIs_andDeadLettersCanBeRedelivered() {
    RECEIVER.stubFor(post("/strict").willReturn(aResponse().withStatus(400)));
    WebhookSubscription hook = subscribe("/strict");
    publish("e-1");
    String id = awaitOne(hook, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER, 10).getDeliveryId();
    assertThat(received("/strict")).hasSize(1);

    RECEIVER.stubFor(post("/strict").willReturn(aResponse().withStatus(200)));
    as(admin())
        .redeliverWebhookDelivery(
            RedeliverWebhookDeliveryRequest.newBuilder()
                .setSubscriptionId(hook.getSubscriptionId())
                .setDeliveryId(id)
                .build());
    awaitOne(hook, DeliveryStatus.DELIVERY_STATUS_DELIVERED, 10);
    assertThat(received("/strict"))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .hasSize(2)
        .containsOnly(received("/strict").getFirst().getHeader("Idempotency-Key"));
  }

  @Test
  void afterTheRetryBudget_aDeliveryIsDeadLettered_andTheQueueGoesOnInOrder() {
    RECEIVER.stubFor(post("/busy").willReturn(aResponse().withStatus(429)));
    WebhookSubscription hook = subscribe("/busy");
    publish("e-1");
    WebhookDelivery only = awaitOne(hook, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER, 15);
    assertThat(only.getAttemptsCount()).isEqualTo(4);
  }

  @Test
  void perEndpointOrder_holdsThroughRetries() {
    RECEIVER.stubFor(
        post("/ordered")
            .inScenario("o")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("up"));
    RECEIVER.stubFor(
        post("/ordered")
            .inScenario("o")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200)));
    subscribe("/ordered");
    for (int i = 1; i <= 5; i++) {
      publish("e-" + i);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> received("/ordered").size() == 6);
    List<String> order =
        received("/ordered").stream()
            .map(r -> r.getBodyAsString().replaceAll(".*\"eventId\":\"(e-\\d)\".*", "$1"))
            .toList();
    assertThat(order).containsExactly("e-1", "e-1", "e-2", "e-3", "e-4", "e-5");
  }

  @Test
  void aBatchPublished_reachesTheEndpointOnceEach_inTheBatchsOrder_evenWhenRepeated() {
    RECEIVER.stubFor(post("/batch").willReturn(aResponse().withStatus(204)));
    subscribe("/batch");
    var batch = BatchPublishNotificationsRequest.newBuilder();
    for (int i = 1; i <= 30; i++) {
      batch.addRequests(
          PublishNotificationRequest.newBuilder()
              .setEventId("b-" + i)
              .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
              .setKind(NotificationKind.NOTIFICATION_KIND_EVENT_CONFLICT)
              .setTitle("Event conflict b-" + i));
    }
    as(service()).batchPublishNotifications(batch.build());
    // The relay's retry of the same batch (say, the answer was lost) queues nothing again.
    as(service()).batchPublishNotifications(batch.build());

    await().atMost(Duration.ofSeconds(20)).until(() -> received("/batch").size() >= 30);
    await().during(Duration.ofMillis(500)).until(() -> received("/batch").size() == 30);
    List<String> order =
        received("/batch").stream()
            .map(r -> r.getBodyAsString().replaceAll(".*\"eventId\":\"(b-\\d+)\".*", "$1"))
            .toList();
    assertThat(order)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "b-" + i).toList());
  }

  @Test
  void aFailingEndpointOpensItsCircuit_andItClosesWhenTheEndpointRecovers() {
    RECEIVER.stubFor(post("/down").willReturn(aResponse().withStatus(502)));
    WebhookSubscription hook = subscribe("/down");
    for (int i = 1; i <= 3; i++) {
      publish("e-" + i);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> health(hook) == WebhookHealth.WEBHOOK_HEALTH_CIRCUIT_OPEN);
    // Nothing is sent while the circuit is open: delivery rounds run right here, each while the
    // breaker still says OPEN (no sleeping and hoping a background round came by meanwhile).
    CircuitBreaker breaker = guard.breaker(hook.getSubscriptionId());
    int whileOpen = received("/down").size();
    int rounds = 0;
    while (rounds < 3 && breaker.getState() == CircuitBreaker.State.OPEN) {
      assertThat(dispatcher.dispatchOnce()).isZero();
      rounds++;
    }
    assertThat(rounds).as("rounds while open").isPositive();
    assertThat(received("/down")).hasSize(whileOpen);

    RECEIVER.stubFor(post("/down").willReturn(aResponse().withStatus(200)));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> health(hook) == WebhookHealth.WEBHOOK_HEALTH_HEALTHY);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() ->
            deliveries(hook, DeliveryStatus.DELIVERY_STATUS_DELIVERED).size()
                    + deliveries(hook, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER).size()
                == 3);
  }

  @Test
  void failedDeliveries_recordTheStatusOrFailureClass_neverWhatTheEndpointAnswered() {
    RECEIVER.stubFor(
        post("/leaky")
            .willReturn(aResponse().withStatus(404).withBody("root:x:0:0:root:/root:/bin/bash")));
    RECEIVER.stubFor(
        post("/garbage").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    WebhookSubscription leaky = subscribe("/leaky");
    WebhookSubscription garbage = subscribe("/garbage");
    publish("e-1");
    WebhookDelivery notFound = awaitOne(leaky, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER, 10);
    assertThat(notFound.getAttempts(0).getHttpStatus()).isEqualTo(404);
    assertThat(notFound.getAttempts(0).getError()).isEmpty();
    WebhookDelivery malformed = awaitOne(garbage, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER, 15);
    assertThat(malformed.getAttemptsList())
        .allSatisfy(a -> {
          assertThat(a.getHttpStatus()).isZero();
          assertThat(a.getError())
              .isIn("malformed response", "connection failed (SocketException)");
        });
  }

  @Test
  void urlsWithCredentialsOrWithoutHttps_areRefused_byRole() {
    var credentials =
        refusal(() ->
            as(admin())
                .createWebhookSubscription(
                    creation(hook("https://user:pw@rms.bcso.example/hook", SECRET))));
    assertThat(credentials.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var notAdmin =
        refusal(() ->
            as(user("bcso", "investigator"))
                .createWebhookSubscription(
                    creation(hook("https://rms.bcso.example/hook", SECRET))));
    assertThat(notAdmin.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    var shortSecret =
        refusal(() ->
            as(admin())
                .createWebhookSubscription(
                    creation(hook("https://rms.bcso.example/hook", "short"))));
    assertThat(shortSecret.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(database.getCollection("webhooks").countDocuments()).isZero();
  }

  WebhookHealth health(WebhookSubscription hook) {
    return as(admin())
        .getWebhookSubscription(
            GetWebhookSubscriptionRequest.newBuilder()
                .setSubscriptionId(hook.getSubscriptionId())
                .build())
        .getSubscription()
        .getHealth();
  }
}
