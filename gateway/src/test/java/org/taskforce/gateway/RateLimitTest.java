package org.taskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Each agency has its own bucket: one agency over its limit does not slow another down; each user
 * has one too, smaller, so one user's script does not lock out their colleagues; calls without a
 * token are limited per address.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "taskforce.gateway.rate-limit.requests-per-second=0.01",
      "taskforce.gateway.rate-limit.burst=3",
      "taskforce.gateway.rate-limit.user-requests-per-second=0.01",
      "taskforce.gateway.rate-limit.user-burst=2",
      "taskforce.gateway.rate-limit.anonymous-requests-per-second=0.01",
      "taskforce.gateway.rate-limit.anonymous-burst=2"
    })
class RateLimitTest extends GatewayWebTest {
  @RegisterExtension static final GatewayBackends backends = new GatewayBackends();
  static final KeycloakTestRealm realm = backends.realm();
  static final Server cases = backends.grpc("case-service", FakeBackends::cases);

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  @LocalServerPort int port;

  private WebTestClient.ResponseSpec get(String token) {
    // The first call fetches the realm's keys; on a loaded machine that outlasts the default 5 s.
    return web.mutate()
        .responseTimeout(java.time.Duration.ofSeconds(30))
        .build()
        .get()
        .uri("/api/v1/cases/c-1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange();
  }

  @Test
  void restCallsOverTheLimit_get429WithRetryAfter_perAgency() {
    String apd = realm.user("officer.a", "apd", "LOCAL", "investigator").mint();
    String apdColleague = realm.user("officer.b", "apd", "LOCAL", "investigator").mint();
    String fbi = realm.user("agent.c", "fbi-abq", "FEDERAL", "investigator").mint();

    get(apd).expectStatus().isOk();
    get(apdColleague).expectStatus().isOk();
    get(apd).expectStatus().isOk();
    get(apdColleague)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.error.status")
        .isEqualTo("RESOURCE_EXHAUSTED")
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("RATE_LIMITED");

    get(fbi).expectStatus().isOk();

    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + apd);
      var stub =
          CaseServiceGrpc.newBlockingStub(
              ClientInterceptors.intercept(
                  channel, MetadataUtils.newAttachHeadersInterceptor(headers)));
      var e =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> stub.getCase(GetCaseRequest.newBuilder().setCaseId("c-1").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(e.getStatus().getDescription()).startsWith("RATE_LIMITED");
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void oneUsersScript_isLimitedOnItsOwn_andItsColleaguesStillGetThrough() {
    String script = realm.user("bcso.script", "bcso", "LOCAL", "investigator").mint();
    String colleague = realm.user("bcso.colleague", "bcso", "LOCAL", "investigator").mint();

    get(script).expectStatus().isOk();
    get(script).expectStatus().isOk();
    get(script)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("RATE_LIMITED")
        .jsonPath("$.error.message")
        .value(m -> assertThat((String) m).contains("user:"));

    get(colleague).expectStatus().isOk();
  }

  @Test
  void callsWithoutToken_areLimitedPerAddress_beforeTheTokenCheck() {
    web.get().uri("/api/v1/openapi.json").exchange().expectStatus().isOk();
    web.get().uri("/api/v1/cases/c-1").exchange().expectStatus().isUnauthorized();
    web.get()
        .uri("/api/v1/openapi.json")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectBody()
        .jsonPath("$.error.message")
        .value(m -> assertThat((String) m).contains("address:"));
    // A client cannot pose as another address: X-Forwarded-For is not trusted by default.
    web.get()
        .uri("/api/v1/cases/c-1")
        .header("X-Forwarded-For", "203.0.113.9")
        .exchange()
        .expectStatus()
        .isEqualTo(429);
    // Calls with a token have buckets of their own.
    get(realm.user("nnpd.officer", "nnpd", "TRIBAL", "investigator").mint()).expectStatus().isOk();
  }
}
