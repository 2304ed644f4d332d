package org.taskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.taskforce.platform.testing.KeycloakTestRealm;
import reactor.core.publisher.Flux;

/**
 * Input over the gateway's limits is refused with a clear answer, never a 500: a body over the
 * buffer limit is 413 with the JSON error body (declared by Content-Length or streamed in chunks),
 * a header over the header limit 431, and a violation quotes a bad value only in part.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
@AutoConfigureWebTestClient
class RequestLimitsTest {
  static final KeycloakTestRealm realm = new KeycloakTestRealm();
  static final Server cases;

  static {
    try {
      cases = FakeBackends.cases();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void backends(DynamicPropertyRegistry registry) {
    registry.add("taskforce.security.issuer-uri", realm::issuer);
    registry.add("taskforce.backends.case-service", () -> "http://127.0.0.1:" + cases.getPort());
  }

  @AfterAll
  static void stop() {
    cases.shutdownNow();
    realm.close();
  }

  @Autowired WebTestClient web;
  final String token = realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();

  @BeforeEach
  void patience() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  private static String caseOfSize(int bytes) {
    return "{\"title\":\"" + "T".repeat(bytes) + "\"}";
  }

  private void expect413(WebTestClient.ResponseSpec response) {
    response
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.error.code")
        .isEqualTo(413)
        .jsonPath("$.error.status")
        .isEqualTo("RESOURCE_EXHAUSTED")
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("REQUEST_TOO_LARGE")
        .jsonPath("$.error.message")
        .value(m -> assertThat((String) m).contains("256 KiB"));
  }

  @Test
  void aBodyOverTheBufferLimit_is413_withTheJsonErrorBody() {
    expect413(
        web.post()
            .uri("/api/v1/cases")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(caseOfSize(300 * 1024))
            .exchange());
  }

  @Test
  void aStreamedBodyOverTheBufferLimit_is413_too() {
    String chunk = "T".repeat(8 * 1024);
    Flux<String> body =
        Flux.concat(
            Flux.just("{\"title\":\""), Flux.range(0, 40).map(i -> chunk), Flux.just("\"}"));
    expect413(
        web.post()
            .uri("/api/v1/cases")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .body(BodyInserters.fromPublisher(body, String.class))
            .exchange());
  }

  @LocalServerPort int port;

  @Test
  void aFirstRequestWithABody_overAnH2cUpgrade_isServed() throws Exception {
    // Java's HttpClient asks plain-HTTP servers to upgrade to HTTP/2 on its first request; with a
    // body, Netty's default upgrade limit of 0 bytes answered 413 before the gateway saw it.
    HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> answer =
        fresh.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(caseOfSize(2 * 1024)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
  }

  @Test
  void aBodyUnderTheLimit_stillPasses() {
    web.post()
        .uri("/api/v1/cases")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(caseOfSize(100 * 1024))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void anOversizedHeader_is431_notAnError() {
    web.get()
        .uri("/api/v1/cases/c-1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-Taskforce-Purpose", "P".repeat(64 * 1024))
        .exchange()
        .expectStatus()
        .isEqualTo(431);
  }

  @Test
  void aViolation_quotesOnlyTheStartOfAHugeBadValue() {
    String huge = "X".repeat(5_000);
    web.post()
        .uri("/api/v1/cases")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"title\":\"Operation Mesa\",\"caseType\":\"" + huge + "\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error.details[1].fieldViolations[0].description")
        .value(d -> {
          assertThat((String) d).hasSizeLessThanOrEqualTo(140).doesNotContain("X".repeat(120));
        })
        .jsonPath("$.error.message")
        .value(m -> assertThat((String) m).hasSizeLessThanOrEqualTo(300));
  }

  @Test
  void aHugeUnknownParameterName_isQuotedOnlyInPart() {
    String name = "n".repeat(2_000);
    web.get()
        .uri("/api/v1/cases?" + name + "=1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error.details[1].fieldViolations[0].field")
        .value(f -> assertThat((String) f).hasSizeLessThanOrEqualTo(120));
  }
}
