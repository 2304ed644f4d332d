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
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * The gateway in front of real gRPC backends on loopback ports, with WireMock as Keycloak:
 * pass-through (unary, streaming, error trailers), REST transcoding per method family, token
 * refusals, the circuit breaker of a dead backend, request ids and the OpenAPI description.
 */
class GatewayTest extends GatewayWebTest {
  @RegisterExtension static final GatewayBackends backends = new GatewayBackends();
  static final KeycloakTestRealm realm = backends.realm();
  static final Server cases = backends.grpc("case-service", FakeBackends::cases);
  static final Server notifications =
      backends.grpc("notification-service", FakeBackends::notifications);
  static final int deadPort = deadPort();

  static {
    backends
        .at("deconfliction-service", () -> deadPort)
        .property("taskforce.gateway.rate-limit.requests-per-second", () -> "10000")
        .property("taskforce.gateway.rate-limit.burst", () -> "10000")
        .property("taskforce.gateway.circuit-breaker.minimum-calls", () -> "4")
        .property("taskforce.gateway.circuit-breaker.sliding-window", () -> "4")
        .property("taskforce.gateway.circuit-breaker.open-for", () -> "30s");
  }

  /** A port nothing listens on once the socket closes. */
  private static int deadPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  ManagedChannel channel;
  final String token = realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();

  @BeforeEach
  void connect() {
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private io.grpc.Channel authed(String bearer, String requestId) {
    Metadata headers = new Metadata();
    if (bearer != null) {
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + bearer);
    }
    if (requestId != null) {
      headers.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), requestId);
    }
    return ClientInterceptors.intercept(
        channel, MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  // --- gRPC pass-through ---

  @Test
  void grpcUnary_passesThrough_withTokenAndRequestId() {
    var response =
        CaseServiceGrpc.newBlockingStub(authed(token, "req-1"))
            .getCase(GetCaseRequest.newBuilder().setCaseId("c-1").build());
    assertThat(response.getCase().getCaseId()).isEqualTo("c-1");
    assertThat(response.getCase().getTitle()).isEqualTo("token|req-1");
  }

  @Test
  void grpcServerStreaming_passesThrough_andItsClosingStatusToo() {
    var stream =
        NotificationServiceGrpc.newBlockingStub(authed(token, "req-2"))
            .subscribeNotifications(
                SubscribeNotificationsRequest.newBuilder().setAfterCursor("c").build());
    List<String> cursors = new ArrayList<>();
    var end =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stream.forEachRemaining(r -> cursors.add(r.getNotification().getCursor())));
    assertThat(cursors).containsExactly("c1", "c2", "c3");
    assertThat(end.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(end.getStatus().getDescription()).isEqualTo("stream ended by the test");
  }

  @Test
  void grpcError_keepsItsStatusAndRichDetails() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                CaseServiceGrpc.newBlockingStub(authed(token, null))
                    .getCase(GetCaseRequest.newBuilder().setCaseId("bad").build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var status = StatusProto.fromThrowable(e);
    assertThat(status).isNotNull();
    assertThat(status.getDetailsCount()).isEqualTo(2);
  }

  @Test
  void grpcWithoutToken_isUnauthenticated_beforeReachingTheBackend() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                CaseServiceGrpc.newBlockingStub(authed(null, null))
                    .getCase(GetCaseRequest.newBuilder().setCaseId("c-1").build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(e.getStatus().getDescription()).contains("TOKEN_MISSING");
  }

  @Test
  void grpcWithExpiredToken_isUnauthenticated() {
    String expired =
        realm.user("a", "apd", "LOCAL", "investigator").expiredSince(Duration.ofMinutes(5)).mint();
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                CaseServiceGrpc.newBlockingStub(authed(expired, null))
                    .getCase(GetCaseRequest.newBuilder().setCaseId("c-1").build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(e.getStatus().getDescription()).contains("TOKEN_INVALID");
  }

  // --- REST transcoding ---

  @Test
  void restGet_transcodesThePathVariable_andPassesTokenAndRequestId() {
    web.get()
        .uri("/api/v1/cases/c-9")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-Request-Id", "rest-1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Request-Id", "rest-1")
        .expectBody()
        .jsonPath("$.case.caseId")
        .isEqualTo("c-9")
        .jsonPath("$.case.title")
        .isEqualTo("token|rest-1");
  }

  @Test
  void restCall_passesTheStatedPurposeOnForTheAudit() {
    web.get()
        .uri("/api/v1/cases/c-9")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-Request-Id", "rest-2")
        .header("X-Taskforce-Purpose", "pre-raid check NMHTTF-2026-0001")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.case.title")
        .isEqualTo("token|rest-2|purpose:pre-raid check NMHTTF-2026-0001");
  }

  @Test
  void restList_transcodesQueryParameters() {
    web.get()
        .uri(
            "/api/v1/cases?title_contains=mesa&statuses=CASE_STATUS_OPEN&statuses=CASE_STATUS_ACTIVE&pageSize=5")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cases[0].title")
        .isEqualTo("mesa|[CASE_STATUS_OPEN, CASE_STATUS_ACTIVE]|5")
        .jsonPath("$.nextPageToken")
        .isEqualTo("next");
  }

  @Test
  void restCreate_transcodesTheBody() {
    web.post()
        .uri("/api/v1/cases")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"title\":\"Operation Mesa\",\"caseType\":\"CASE_TYPE_LABOR_TRAFFICKING\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.case.caseNumber")
        .isEqualTo("NMHTTF-2026-0001")
        .jsonPath("$.case.caseType")
        .isEqualTo("CASE_TYPE_LABOR_TRAFFICKING");
  }

  @Test
  void restUpdate_transcodesPathBodyAndFieldMask() {
    web.patch()
        .uri("/api/v1/cases/c-3?update_mask=title,summary")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"title\":\"Renamed\",\"etag\":\"4\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.case.caseId")
        .isEqualTo("c-3")
        .jsonPath("$.case.summary")
        .isEqualTo("title,summary");
  }

  @Test
  void restError_mirrorsTheGrpcStatus_withHttpCodeReasonAndFieldViolations() {
    web.get()
        .uri("/api/v1/cases/bad")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error.code")
        .isEqualTo(400)
        .jsonPath("$.error.status")
        .isEqualTo("INVALID_ARGUMENT")
        .jsonPath("$.error.details[0]['@type']")
        .isEqualTo("type.googleapis.com/google.rpc.ErrorInfo")
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("INVALID_ARGUMENT")
        .jsonPath("$.error.details[1].fieldViolations[0].field")
        .isEqualTo("case_id");
  }

  @Test
  void restNotFound_is404() {
    web.get()
        .uri("/api/v1/cases/missing")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.error.status")
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void restBadInput_isRejectedByTheGateway_withTheFieldNamed() {
    web.get()
        .uri("/api/v1/cases?statuses=WHATEVER")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error.details[1].fieldViolations[0].field")
        .isEqualTo("body");
  }

  @Test
  void restUnknownOperation_is404_andWrongMethod405() {
    web.get()
        .uri("/api/v1/nothing-here")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNotFound();
    web.delete()
        .uri("/api/v1/cases")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isEqualTo(405);
  }

  @Test
  void restWithoutToken_is401WithReason() {
    web.get()
        .uri("/api/v1/cases/c-1")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .exists(HttpHeaders.WWW_AUTHENTICATE)
        .expectBody()
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("TOKEN_MISSING");
  }

  @Test
  void restWithExpiredForeignOrOtherAudienceToken_is401() {
    String expired =
        realm.user("a", "apd", "LOCAL", "investigator").expiredSince(Duration.ofMinutes(5)).mint();
    String foreign =
        realm
            .user("a", "apd", "LOCAL", "investigator")
            .claim("iss", "https://evil.example/realms/x")
            .mint();
    String otherAudience =
        realm.user("a", "apd", "LOCAL", "investigator").claim("aud", "another-api").mint();
    for (String bad :
        List.of(
            expired,
            foreign,
            otherAudience,
            realm.user("a", "apd", "LOCAL").signedByImpostor().mint())) {
      web.get()
          .uri("/api/v1/cases/c-1")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + bad)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectBody()
          .jsonPath("$.error.details[0].reason")
          .isEqualTo("TOKEN_INVALID");
    }
  }

  // --- resilience ---

  @Test
  void deadBackend_opensItsBreaker_whileOtherBackendsKeepWorking() {
    var dead = DeconflictionServiceGrpc.newBlockingStub(authed(token, null));
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      var e =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> dead.getConflict(GetConflictRequest.newBuilder().setConflictId("x").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      reasons.add(e.getStatus().getDescription().split(":")[0]);
    }
    assertThat(reasons).contains("BACKEND_UNREACHABLE");
    assertThat(reasons.get(reasons.size() - 1)).isEqualTo("BACKEND_CIRCUIT_OPEN");

    web.get()
        .uri("/api/v1/conflicts/x")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("BACKEND_CIRCUIT_OPEN");

    var alive =
        CaseServiceGrpc.newBlockingStub(authed(token, null))
            .getCase(GetCaseRequest.newBuilder().setCaseId("c-1").build());
    assertThat(alive.getCase().getCaseId()).isEqualTo("c-1");
  }

  // --- operations ---

  @Test
  void requestIdIsMadeWhenMissing_andReturned() {
    web.get()
        .uri("/api/v1/cases/c-1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectHeader()
        .value("X-Request-Id", id -> assertThat(id).hasSize(36));
  }

  @Test
  void openApiDescription_isGeneratedFromTheProtos_andPublic() {
    web.get()
        .uri("/api/v1/openapi.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .isEqualTo("3.0.3")
        .jsonPath("$.paths['/api/v1/cases/{case_id}'].get.operationId")
        .isEqualTo("GetCase")
        .jsonPath("$.paths['/api/v1/checks'].post.requestBody")
        .exists()
        .jsonPath("$.components.schemas['taskforce.cases.v1.Case'].properties.caseNumber.type")
        .isEqualTo("string");
  }

  @Test
  void securityHeaders_suitABrowserFrontEnd() {
    web.get()
        .uri("/api/v1/openapi.json")
        .exchange()
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader()
        .valueEquals("X-Frame-Options", "DENY")
        .expectHeader()
        .valueEquals("Referrer-Policy", "no-referrer")
        .expectHeader()
        .value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'"));
  }

  @Test
  void probesAndMetrics_areOnTheManagementPort_withoutToken_andNotOnThePublicPort() {
    WebTestClient management =
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    management
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectBody()
        .jsonPath("$.components.backends.status")
        .isEqualTo("DEGRADED")
        .jsonPath("$.components.backends.details['case-service']")
        .isEqualTo("SERVING (breaker CLOSED)")
        .jsonPath("$.components.backends.details['deconfliction-service']")
        .value(v -> assertThat(v.toString()).startsWith("UNREACHABLE"));
    management
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    web.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .value(s -> assertThat(s).isIn(401, 404));
  }
}
