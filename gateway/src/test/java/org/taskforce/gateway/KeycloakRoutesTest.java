package org.taskforce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Only the configured realm ({@code taskforce}) and the theme files its pages load reach Keycloak
 * through the gateway; the {@code master} realm, other realms, the admin console's files and paths
 * that could be read as another realm by Keycloak are 404 and never reach it — with or without a
 * token. WireMock plays a Keycloak that answers every path.
 */
class KeycloakRoutesTest extends GatewayWebTest {
  @RegisterExtension static final GatewayBackends backends = new GatewayBackends();
  static final KeycloakTestRealm realm = backends.realm();

  static {
    realm
        .wireMock()
        .stubFor(
            any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse().withStatus(200).withBody("keycloak answered")));
    backends.property("taskforce.backends.keycloak", () -> realm.wireMock().baseUrl());
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  @LocalServerPort int port;

  @BeforeEach
  void reset() {
    realm.wireMock().resetRequests();
  }

  private WebTestClient.ResponseSpec call(HttpMethod method, String rawPath, String token) {
    var spec = web.method(method).uri(URI.create("http://127.0.0.1:" + port + rawPath));
    if (token != null) {
      spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return spec.exchange();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/realms/taskforce/.well-known/openid-configuration",
        "/realms/taskforce/protocol/openid-connect/auth?client_id=taskforce-console",
        "/realms/taskforce/protocol/openid-connect/token",
        "/realms/taskforce/account",
        "/resources/9xq1b/login/keycloak.v2/css/styles.css",
        "/resources/9xq1b/common/keycloak/vendor/patternfly.css",
      })
  void theConfiguredRealm_andItsPagesFiles_passWithoutToken(String path) {
    call(HttpMethod.GET, path, null).expectStatus().isOk();
  }

  @Test
  void theConfiguredRealmsKeys_arePassedOn() {
    call(HttpMethod.GET, "/realms/taskforce/protocol/openid-connect/certs", null)
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("\"keys\""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/realms/master/protocol/openid-connect/token",
        "/realms/master/.well-known/openid-configuration",
        "/realms/master",
        "/realms/other/protocol/openid-connect/token",
        "/realms/taskforce-evil/protocol/openid-connect/token",
        "/realms/Taskforce/protocol/openid-connect/token",
        "/REALMS/master/protocol/openid-connect/token",
        "/realms",
        "/realms/",
        "/resources/9xq1b/admin/keycloak.v2/main.js",
        "/resources/9xq1b/welcome/keycloak/index.html",
        "/resources/",
        "/realms/taskforce/../master/protocol/openid-connect/token",
        "/realms/taskforce/%2e%2e/master/protocol/openid-connect/token",
        "/realms/taskforce/%2E%2E%2Fmaster/protocol/openid-connect/token",
        "/realms/taskforce%2f..%2fmaster/protocol/openid-connect/token",
        "/realms/taskforce;a=b/../master/protocol/openid-connect/token",
        "/realms/taskforce/..;/master/protocol/openid-connect/token",
        "/realms/taskforce//../master/protocol/openid-connect/token",
        "/realms/taskforce/%5c..%5cmaster/protocol/openid-connect/token",
        "/resources/9xq1b/login/../../../realms/master/protocol/openid-connect/token",
      })
  void everyOtherKeycloakPath_is404_andNeverReachesKeycloak(String path) {
    for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
      call(method, path, null)
          .expectStatus()
          .isNotFound()
          .expectBody()
          .jsonPath("$.error.details[0].reason")
          .isEqualTo("NO_SUCH_PATH");
    }
    String token = realm.user("ago.admin", "nm-ago", "STATE", "admin").mint();
    call(HttpMethod.GET, path, token).expectStatus().isNotFound();
    realm.wireMock().verify(0, anyRequestedFor(urlPathMatching("(?i).*master.*")));
    realm.wireMock().verify(0, anyRequestedFor(urlPathMatching(".*/(admin|welcome)/.*")));
  }
}
