package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * What the notification-service tests share: WireMock as Keycloak, a channel to the service under
 * test, an empty database per test, and the callers (a publishing service, users, an agency admin).
 * Each subclass adds its own properties with {@code @TestPropertySource}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY",
      "taskforce.notifications.escalation-enabled=false"
    })
abstract class NotificationTestBase {
  static final KeycloakTestRealm REALM = new KeycloakTestRealm();
  static final List<String> COLLECTIONS =
      List.of(
          "notifications",
          "sequences",
          "published_events",
          "stream_index",
          "webhooks",
          "webhook_deliveries");

  @DynamicPropertySource
  static void realm(DynamicPropertyRegistry registry) {
    registry.add("taskforce.security.issuer-uri", REALM::issuer);
  }

  @Autowired GrpcServerLifecycle server;
  @Autowired MongoDatabase database;
  ManagedChannel channel;

  @BeforeEach
  void connect() {
    COLLECTIONS.forEach(c -> database.getCollection(c).deleteMany(new Document()));
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

  static String service() {
    return REALM.client("deconfliction-service", "taskforce", "STATE", "service").mint();
  }

  static String user(String agency, String... roles) {
    return REALM.user("u-" + agency + String.join("", roles), agency, "LOCAL", roles).mint();
  }

  static String admin() {
    return REALM.user("bcso-admin", "bcso", "LOCAL", "admin").mint();
  }

  /** BCSO's admin subscribes an endpoint (https/http URL or mailto:). */
  WebhookSubscription subscribe(String url, String secret) {
    return as(admin())
        .createWebhookSubscription(creation(hook(url, secret).setEnabled(true)))
        .getSubscription();
  }

  /** A subscription of {@code url}, signed with {@code secret}, to create as it is or changed. */
  static WebhookSubscription.Builder hook(String url, String secret) {
    return WebhookSubscription.newBuilder().setUrl(url).setSecret(secret);
  }

  /** The request that creates {@code subscription}. */
  static CreateWebhookSubscriptionRequest creation(WebhookSubscription.Builder subscription) {
    return CreateWebhookSubscriptionRequest.newBuilder().setSubscription(subscription).build();
  }

  /** How {@code call} was refused; null if it was not. */
  static StatusRuntimeException refusal(ThrowingCallable call) {
    return catchThrowableOfType(StatusRuntimeException.class, call);
  }

  /** A service publishes a target conflict to the whole of BCSO. */
  void publishTargetConflict(String eventId) {
    publishToBcso(
        eventId,
        NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT,
        "Target conflict " + eventId,
        request -> request);
  }

  /**
   * Waits (at most {@code seconds}) until the endpoint has one delivery in this state; returns it.
   */
  WebhookDelivery awaitOne(WebhookSubscription hook, DeliveryStatus status, int seconds) {
    await().atMost(Duration.ofSeconds(seconds)).until(() -> deliveries(hook, status).size() == 1);
    return deliveries(hook, status).getFirst();
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

  /** A service publishes an alert to the whole of BCSO; {@code details} adds to it. */
  void publishToBcso(
      String eventId,
      NotificationKind kind,
      String title,
      java.util.function.UnaryOperator<PublishNotificationRequest.Builder> details) {
    as(service())
        .publishNotification(
            details
                .apply(
                    PublishNotificationRequest.newBuilder()
                        .setEventId(eventId)
                        .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
                        .setKind(kind)
                        .setTitle(title))
                .build());
  }
}
