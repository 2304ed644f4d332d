package org.taskforce.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.gateway.GatewayBackends;
import org.taskforce.gateway.GatewayWebTest;
import org.taskforce.gateway.ServiceProcess;
import org.taskforce.gateway.console.ConsoleSignIn.Browser;
import org.taskforce.platform.testing.KeycloakTestRealm;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * {@code /console/events} in front of the real notification-service (its built jar in a process of
 * its own, on its in-memory database), with WireMock as Keycloak: a signed-in user's agency's
 * notifications arrive as Server-Sent Events with the stream cursor as id, and another agency's
 * never; a reconnect with {@code Last-Event-ID} misses nothing and repeats nothing; idle streams
 * beat; sign-out ends the stream; bad cursors and missing sessions are refused.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "taskforce.console.client-secret=test-secret",
      "taskforce.gateway.rate-limit.enabled=false",
      "taskforce.console.event-heartbeat=1s",
      "taskforce.console.event-session-check=200ms"
    })
class ConsoleEventStreamTest extends GatewayWebTest {
  @RegisterExtension
  static final GatewayBackends backends = GatewayBackends.withNotificationService();

  static final KeycloakTestRealm realm = backends.realm();
  static final ServiceProcess notifications = backends.serviceProcess();

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  private Browser signIn(String code) {
    String access = realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();
    return ConsoleSignIn.signIn(web, realm, code, access, 300, "refresh-" + code);
  }

  /** An open event stream, read as it comes. */
  static final class Stream implements AutoCloseable {
    final BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
    final CountDownLatch ended = new CountDownLatch(1);
    Disposable subscription;

    ServerSentEvent<String> next(Predicate<ServerSentEvent<String>> wanted)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (System.nanoTime() < deadline) {
        ServerSentEvent<String> event = events.poll(200, TimeUnit.MILLISECONDS);
        if (event != null && wanted.test(event)) {
          return event;
        }
      }
      throw new AssertionError("no such event in 15 s; still queued: " + events);
    }

    ServerSentEvent<String> nextNotification() throws InterruptedException {
      return next(e -> "notification".equals(e.event()));
    }

    /** A heartbeat proves the service's stream is open, so what is published next is seen. */
    void awaitHeartbeat() throws InterruptedException {
      next(e -> "heartbeat".equals(e.comment()));
    }

    /** The request that opens {@code browser}'s event stream. */
    static WebTestClient.RequestHeadersSpec<?> request(WebTestClient web, Browser browser) {
      return web.get()
          .uri("/console/events")
          .accept(MediaType.TEXT_EVENT_STREAM)
          .header(HttpHeaders.COOKIE, browser.header());
    }

    /** Reads {@code body} as it comes. */
    static Stream of(Flux<ServerSentEvent<String>> body) {
      Stream stream = new Stream();
      stream.subscription =
          body.subscribe(
              stream.events::add, e -> stream.ended.countDown(), stream.ended::countDown);
      return stream;
    }

    @Override
    public void close() {
      subscription.dispose();
    }
  }

  private Stream open(Browser browser, String lastEventId) {
    var request = Stream.request(web, browser);
    if (lastEventId != null) {
      request = request.header("Last-Event-ID", lastEventId);
    }
    var body =
        request
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .getResponseBody();
    return Stream.of(body);
  }

  private static void publish(String eventId, String agency, String title) {
    Metadata auth = new Metadata();
    auth.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + realm.client("deconfliction-service", "taskforce", "STATE", "service").mint());
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", notifications.port()).usePlaintext().build();
    try {
      NotificationServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth))
          .publishNotification(
              PublishNotificationRequest.newBuilder()
                  .setEventId(eventId)
                  .addRecipients(Recipient.newBuilder().setAgencyId(agency))
                  .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
                  .setTitle(title)
                  .build());
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void theAgencysNotifications_arriveAsEvents_withTheCursorAsId_andNoOtherAgencys()
      throws Exception {
    try (Stream stream = open(signIn("events-1"), null)) {
      assertThat(stream.next(e -> e.event() != null).event()).isEqualTo("connected");
      stream.awaitHeartbeat();
      publish("events-1-fbi", "fbi-abq", "Conflict for the FBI only");
      publish("events-1-hsi", "hsi-abq", "Target conflict with APD");

      ServerSentEvent<String> event = stream.nextNotification();
      assertThat(event.data()).contains("\"title\":\"Target conflict with APD\"");
      assertThat(event.id()).isNotBlank();
      assertThat(event.data()).contains("\"cursor\":\"" + event.id() + "\"");
      assertThat(stream.events).noneMatch(e -> String.valueOf(e.data()).contains("FBI only"));
    }
  }

  @Test
  void aReconnectWithLastEventId_getsWhatWasMissed_once_inOrder() throws Exception {
    Browser browser = signIn("events-2");
    String seen;
    try (Stream first = open(browser, null)) {
      first.awaitHeartbeat();
      publish("events-2-a", "hsi-abq", "Missed-test A");
      seen = first.nextNotification().id();
    }
    publish("events-2-b", "hsi-abq", "Missed-test B");
    publish("events-2-c", "hsi-abq", "Missed-test C");

    try (Stream again = open(browser, seen)) {
      assertThat(again.next(e -> e.event() != null).data()).isEqualTo("resumed");
      ServerSentEvent<String> b = again.nextNotification();
      ServerSentEvent<String> c = again.nextNotification();
      assertThat(b.data()).contains("Missed-test B");
      assertThat(c.data()).contains("Missed-test C");
      assertThat(b.id()).isGreaterThan(seen);
      assertThat(c.id()).isGreaterThan(b.id());
      again.awaitHeartbeat();
      assertThat(again.events).noneMatch(e -> String.valueOf(e.data()).contains("Missed-test A"));
    }
  }

  @Test
  void aCursorTheServiceDoesNotKnow_startsAfresh_andSaysSo() throws Exception {
    try (Stream stream = open(signIn("events-3"), "not-a-cursor")) {
      assertThat(stream.next(e -> "resync".equals(e.event()))).isNotNull();
      stream.awaitHeartbeat();
      publish("events-3-a", "hsi-abq", "After the resync");
      assertThat(stream.nextNotification().data()).contains("After the resync");
    }
  }

  @Test
  void signingOut_endsTheOpenStream_andNoNewOneOpens() throws Exception {
    Browser browser = signIn("events-4");
    browser.load(web, "/");
    try (Stream stream = open(browser, null)) {
      stream.awaitHeartbeat();
      assertThat(stream.ended.getCount()).isEqualTo(1);
      browser.signOut(web).expectStatus().isFound();
      assertThat(stream.ended.await(5, TimeUnit.SECONDS)).as("the stream ended").isTrue();
    }
    web.get()
        .uri("/console/events")
        .header(HttpHeaders.COOKIE, browser.header())
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void withoutASession_orWithAJunkCursor_theStreamIsRefused() {
    web.get()
        .uri("/console/events")
        .header(HttpHeaders.COOKIE, "SESSION=not-a-session")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("SESSION_REQUIRED");
    web.get()
        .uri("/console/events")
        .header(HttpHeaders.COOKIE, signIn("events-5").header())
        .header("Last-Event-ID", "x".repeat(200))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error.details[1].fieldViolations[0].field")
        .isEqualTo("Last-Event-ID");
  }
}
