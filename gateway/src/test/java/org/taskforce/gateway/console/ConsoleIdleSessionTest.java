package org.taskforce.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.gateway.GatewayBackends;
import org.taskforce.gateway.GatewayWebTest;
import org.taskforce.gateway.console.ConsoleEventStreamTest.Stream;
import org.taskforce.gateway.console.ConsoleSignIn.Browser;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * The realm's idle timeout (here 6 s) holds with the event stream open: the stream and its own
 * reconnects are not the user's activity, so an idle user is signed out — the gateway session and
 * Keycloak's, which the stream's token refreshes would otherwise keep alive — while a user who uses
 * the console stays signed in. Real notification-service behind the stream; WireMock as Keycloak.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "taskforce.console.client-secret=test-secret",
      "taskforce.gateway.rate-limit.enabled=false",
      "taskforce.console.session-idle-timeout=6s",
      "taskforce.console.event-heartbeat=500ms",
      "taskforce.console.event-session-check=100ms"
    })
class ConsoleIdleSessionTest extends GatewayWebTest {
  static final long TIMEOUT_MS = 6_000;
  static final String LOGOUT = "/realms/taskforce/protocol/openid-connect/logout";

  @RegisterExtension
  static final GatewayBackends backends = GatewayBackends.withNotificationService();

  static final KeycloakTestRealm realm = backends.realm();

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  @BeforeEach
  void keycloakLogsOut() {
    realm.wireMock().stubFor(post(urlEqualTo(LOGOUT)).willReturn(aResponse().withStatus(204)));
  }

  private Browser signIn(String code) {
    String access = realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();
    Browser browser = ConsoleSignIn.signIn(web, realm, code, access, 300, "refresh-" + code);
    browser.load(web, "/");
    return browser;
  }

  private Stream open(Browser browser) {
    var body =
        Stream.request(web, browser)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .getResponseBody();
    return Stream.of(body);
  }

  private int me(Browser browser, String idleHeader) {
    var request = web.get().uri("/console/me").header(HttpHeaders.COOKIE, browser.header());
    if (idleHeader != null) {
      request = request.header(ConsoleIdleSessions.IDLE_HEADER, idleHeader);
    }
    return request.exchange().expectBody().returnResult().getStatus().value();
  }

  private static long since(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** What the console sends: whole seconds since the last key or pointer press, rounded up. */
  private static String idleSeconds(long lastActivityNanos) {
    return String.valueOf((since(lastActivityNanos) + 999) / 1000);
  }

  @Test
  void anOpenStream_andItsReconnects_doNotKeepAnIdleUserSignedIn_andKeycloaksSessionEndsToo()
      throws Exception {
    Browser browser = signIn("idle-1");
    long lastActivity = System.nanoTime();
    assertThat(me(browser, null)).isEqualTo(200);

    // The browser's EventSource comes back on its own again and again (every 2 s for real).
    int reconnects = 0;
    while (since(lastActivity) < TIMEOUT_MS - 2_500) {
      try (Stream stream = open(browser)) {
        stream.awaitHeartbeat();
        reconnects++;
      }
    }
    assertThat(reconnects).isGreaterThan(1);
    Stream last = open(browser);
    assertThat(last.ended.await(TIMEOUT_MS + 5_000, TimeUnit.MILLISECONDS))
        .as("the open stream ends once its user has been idle for the timeout")
        .isTrue();
    // Last activity is stored only when it moved by 1/30 of the timeout (a minute of 30): the
    // session may end that much early, never later.
    assertThat(since(lastActivity)).isGreaterThanOrEqualTo(TIMEOUT_MS - TIMEOUT_MS / 30);
    last.close();

    web.get()
        .uri("/console/events")
        .header(HttpHeaders.COOKIE, browser.header())
        .exchange()
        .expectStatus()
        .isUnauthorized();
    assertThat(me(browser, null)).as("signed out, and a page load does not undo it").isEqualTo(401);
    realm
        .wireMock()
        .verify(
            postRequestedFor(urlEqualTo(LOGOUT))
                .withRequestBody(containing("refresh_token=refresh-idle-1")));
  }

  @Test
  void whatTheUserDoes_keepsTheSessionAlive_pastTheTimeout_withTheStreamOpen() throws Exception {
    Browser browser = signIn("idle-2");
    long start = System.nanoTime();
    try (Stream stream = open(browser)) {
      stream.awaitHeartbeat();
      while (since(start) < TIMEOUT_MS * 2) {
        assertThat(me(browser, "0")).isEqualTo(200); // the user pressed a key just now
        Thread.sleep(700);
      }
      assertThat(stream.ended.getCount()).as("the stream is still open").isEqualTo(1);
    }
    assertThat(me(browser, null)).isEqualTo(200);
    realm
        .wireMock()
        .verify(0, postRequestedFor(urlEqualTo(LOGOUT)).withRequestBody(containing("idle-2")));
  }

  @Test
  void callsTheConsoleMakesByItself_countOnlyAsFarAsItsUserWasLastActive() throws Exception {
    Browser browser = signIn("idle-3");
    long lastActivity = System.nanoTime();
    assertThat(me(browser, "0")).isEqualTo(200);
    // Background refreshes (after a live event, on an interval) say how long the user has been
    // idle; a header that is not a number is not activity either.
    while (since(lastActivity) < TIMEOUT_MS - 2_000) {
      Thread.sleep(500);
      assertThat(me(browser, idleSeconds(lastActivity))).isEqualTo(200);
      assertThat(me(browser, "soon")).isEqualTo(200);
    }
    Thread.sleep(TIMEOUT_MS - since(lastActivity) + 1_000);
    assertThat(me(browser, idleSeconds(lastActivity))).isEqualTo(401);
    assertThat(me(browser, "0")).as("the session is gone, not just refused once").isEqualTo(401);
  }
}
