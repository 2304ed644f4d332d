package org.taskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
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
class RequestLimitsTest extends GatewayWebTest {
  @RegisterExtension static final GatewayBackends backends = new GatewayBackends();
  static final KeycloakTestRealm realm = backends.realm();
  static final Server cases = backends.grpc("case-service", FakeBackends::cases);

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  final String token = realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();

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
  void anOversizedHeader_is431_withTheJsonErrorBody() {
    web.get()
        .uri("/api/v1/cases/c-1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-Taskforce-Purpose", "P".repeat(64 * 1024))
        .exchange()
        .expectStatus()
        .isEqualTo(431)
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.error.code")
        .isEqualTo(431)
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("HEADERS_TOO_LARGE");
  }

  /**
   * Issue 20 item 9: over HTTP/2 a header block over 1.25 times Netty's header limit used to end
   * the connection with GOAWAY (the client saw an I/O error, not an answer). Now Netty's limit sits
   * far above the gateway's, which answers 431 with the JSON body, and the connection lives on.
   */
  @Test
  void anOversizedHeaderOverHttp2_is431_withTheJsonErrorBody_andTheConnectionLivesOn()
      throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/cases/c-1");
    // The first request upgrades the connection to h2c; the next ones are HTTP/2 frames.
    HttpResponse<String> first =
        h2.send(
            HttpRequest.newBuilder(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
    for (int kib : new int[] {16, 64, 200}) {
      HttpResponse<String> answer =
          h2.send(
              HttpRequest.newBuilder(uri)
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                  .header("X-Taskforce-Purpose", "P".repeat(kib * 1024))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(answer.statusCode()).as("%d KiB header", kib).isEqualTo(431);
      assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(answer.body()).contains("\"code\":431").contains("HEADERS_TOO_LARGE");
    }
    HttpResponse<String> after =
        h2.send(
            HttpRequest.newBuilder(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(first.statusCode());
  }

  /**
   * Found by RestFuzzTest: a URI over Netty's 4,096-character request line was a bare 414. Netty's
   * limit now sits far above the gateway's own, which answers with the JSON error body.
   */
  @Test
  void aUriOverTheLimit_is414_withTheJsonErrorBody() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/api/v1/cases?page_token="
                                + "A".repeat(20_000)))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(414);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(answer.body()).contains("\"code\":414").contains("URI_TOO_LONG");
  }

  /**
   * Found by RestFuzzTest: paths Spring Security's firewall refuses (an encoded slash, percent sign
   * or NUL, "..", an empty segment) were a bare 400; now 400 with the JSON error body and a field
   * violation on the path, like any bad request.
   */
  @Test
  void aPathTheFirewallRefuses_is400_withTheJsonErrorBody() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String path :
        java.util.List.of(
            "/api/v1/cases/a%2Fb",
            "/api/v1/cases/a%00b",
            "/api/v1/cases/%2500",
            "/api/v1/cases//notes",
            "/api/v1/cases/../cases")) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(400);
      assertThat(answer.headers().firstValue("content-type")).as(path).hasValue("application/json");
      assertThat(answer.body())
          .as(path)
          .contains("\"status\":\"INVALID_ARGUMENT\"")
          .contains("fieldViolations")
          .contains("\"field\":\"path\"");
    }
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
