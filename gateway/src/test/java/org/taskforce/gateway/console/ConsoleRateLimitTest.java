package org.taskforce.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.gateway.GatewayBackends;
import org.taskforce.gateway.GatewayWebTest;
import org.taskforce.gateway.console.ConsoleSignIn.Browser;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * The console's traffic is limited per session and per user, not per address: colleagues signed in
 * behind one NAT address (here all on 127.0.0.1) do not share one budget, while one session over
 * its budget is refused, whatever path it calls — and made-up session cookies still count against
 * the address.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "taskforce.console.client-secret=test-secret",
      "taskforce.gateway.rate-limit.user-requests-per-second=0.01",
      "taskforce.gateway.rate-limit.user-burst=6",
      "taskforce.gateway.rate-limit.anonymous-requests-per-second=0.01",
      // Three sign-ins: three calls each before the session is signed in.
      "taskforce.gateway.rate-limit.anonymous-burst=9"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ConsoleRateLimitTest extends GatewayWebTest {
  @RegisterExtension static final GatewayBackends backends = new GatewayBackends();
  static final KeycloakTestRealm realm = backends.realm();

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  private Browser signIn(String user, String code) {
    String access = realm.user(user, "bcso", "LOCAL", "investigator").mint();
    return ConsoleSignIn.signIn(web, realm, user, code, access, 300, "refresh-" + code);
  }

  /** The statuses of {@code n} console calls (a page, who am I) in this browser's session. */
  private List<Integer> calls(Browser browser, int n) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String uri = i % 2 == 0 ? "/console/me" : "/cases";
      statuses.add(
          web.get()
              .uri(uri)
              .header(HttpHeaders.COOKIE, browser.header())
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value());
    }
    return statuses;
  }

  @Test
  void colleaguesBehindOneAddress_eachHaveTheirOwnBudget_andOneOverItIsRefused() {
    Browser maria = signIn("maria.lopez", "rl-1");
    Browser tom = signIn("tom.sandoval", "rl-2");
    Browser ray = signIn("ray.montoya", "rl-3");
    // The address's budget (9) is spent by the three sign-ins; each session still has its own 6.
    assertThat(calls(maria, 6)).containsOnly(200);
    assertThat(calls(tom, 6)).containsOnly(200);
    assertThat(calls(maria, 1)).containsExactly(429);
    assertThat(calls(ray, 6)).containsOnly(200);
  }

  @Test
  void oneUsersSecondSession_sharesTheUsersBudget() {
    Browser first = signIn("maria.lopez", "rl-4");
    Browser second = signIn("maria.lopez", "rl-5");
    assertThat(calls(first, 4)).containsOnly(200);
    assertThat(calls(second, 2)).containsOnly(200);
    assertThat(calls(second, 1)).containsExactly(429);
    var refused =
        web.get()
            .uri("/console/me")
            .header(HttpHeaders.COOKIE, first.header())
            .exchange()
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .exists(HttpHeaders.RETRY_AFTER)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    // Said per user, never naming the session's id.
    assertThat(refused).contains("user:").doesNotContain(first.cookies.get("SESSION"));
  }

  @Test
  void madeUpSessionCookies_stillCountAgainstTheAddress() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(
          web.get()
              .uri("/console/me")
              .header(HttpHeaders.COOKIE, "SESSION=made-up-" + i)
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value());
    }
    assertThat(statuses.subList(0, 9)).containsOnly(401);
    assertThat(statuses.get(9)).isEqualTo(429);
  }

  @Test
  void aSignedInSessionsCallsOutsideTheConsole_countAgainstItsBudgetToo() {
    Browser browser = signIn("ana.trujillo", "rl-6");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // No console path: Spring Security's stateless chain refuses it, after the limit.
      statuses.add(
          web.get()
              .uri("/taskforce.cases.v1.CaseService/GetCase")
              .header(HttpHeaders.COOKIE, browser.header())
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value());
    }
    assertThat(statuses.subList(0, 6)).doesNotContain(429);
    assertThat(statuses.get(6)).isEqualTo(429);
  }
}
