package org.taskforce.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.gateway.GatewayBackends;
import org.taskforce.gateway.GatewayWebTest;
import org.taskforce.gateway.console.ConsoleSignIn.Browser;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * With a tile server configured, the console is told where its tiles are ({@code /console/me}) and
 * the Content-Security-Policy lets images — only images — come from that server's origin.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "taskforce.console.client-secret=test-secret",
      "taskforce.gateway.rate-limit.enabled=false",
      "taskforce.console.map.tile-url=https://tiles.example.org:8443/osm/{z}/{x}/{y}.png",
      "taskforce.console.map.attribution=© OpenStreetMap contributors",
      "taskforce.console.map.max-zoom=17"
    })
class ConsoleMapTilesTest extends GatewayWebTest {
  @RegisterExtension static final GatewayBackends backends = new GatewayBackends();
  static final KeycloakTestRealm realm = backends.realm();

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  @Test
  void theTileServersOrigin_isAllowedForImagesOnly_andTheConsoleIsToldTheTemplate() {
    String access = realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();
    Browser browser = ConsoleSignIn.signIn(web, realm, "tiles-1", access, 300, "r-tiles-1");

    String csp =
        web.get()
            .uri("/operations")
            .header(HttpHeaders.COOKIE, browser.header())
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("Content-Security-Policy");
    assertThat(csp)
        .contains("img-src 'self' data: https://tiles.example.org:8443;")
        .contains("connect-src 'self';")
        .contains("default-src 'self';")
        .doesNotContain("/osm/");

    web.get()
        .uri("/console/me")
        .header(HttpHeaders.COOKIE, browser.header())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.map.tileUrl")
        .isEqualTo("https://tiles.example.org:8443/osm/{z}/{x}/{y}.png")
        .jsonPath("$.map.attribution")
        .isEqualTo("© OpenStreetMap contributors")
        .jsonPath("$.map.maxZoom")
        .isEqualTo(17);
  }

  private static ConsoleProperties console(boolean secureCookies, ConsoleProperties.MapTiles map) {
    return new ConsoleProperties(
        "taskforce-console",
        "secret",
        "",
        "",
        secureCookies,
        java.time.Duration.ofMinutes(30),
        java.time.Duration.ofSeconds(15),
        java.time.Duration.ofSeconds(5),
        "",
        java.util.List.of(),
        false,
        java.time.Duration.ofMinutes(1),
        map);
  }

  @Test
  void aTileUrlThatIsNotAnXyzTemplateOverHttp_isRefusedAtStartUp() {
    assertThatThrownBy(
            () -> new ConsoleProperties.MapTiles("https://t.example/{z}/{x}.png", "", 19))
        .hasMessageContaining("{z}, {x} and {y}");
    assertThatThrownBy(
            () -> new ConsoleProperties.MapTiles("file:///tiles/{z}/{x}/{y}.png", "", 19))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(
            () -> new ConsoleProperties.MapTiles("https://u:p@t.example/{z}/{x}/{y}.png", "", 19))
        .hasMessageContaining("no user");
    assertThatThrownBy(
            () -> new ConsoleProperties.MapTiles("https://t.example/{z}/{x}/{y}", "", 30))
        .hasMessageContaining("max-zoom");
    // The policy's img-src names one origin: a placeholder in the host would ask others.
    assertThatThrownBy(
            () -> new ConsoleProperties.MapTiles("https://a{x}.t.example/{z}/{x}/{y}.png", "", 19))
        .hasMessageContaining("no placeholder in its host");
    assertThatThrownBy(
            () -> new ConsoleProperties.MapTiles("https://t.example:8{z}/{z}/{x}/{y}.png", "", 19))
        .hasMessageContaining("no placeholder in its host");
    // Behind TLS (secure cookies), plain-HTTP tiles are refused; without, they are allowed.
    var plain = new ConsoleProperties.MapTiles("http://t.example/{z}/{x}/{y}.png", "", 19);
    assertThatThrownBy(() -> console(true, plain)).hasMessageContaining("must be https");
    assertThat(console(false, plain).map().origin()).hasValue("http://t.example");
    assertThat(new ConsoleProperties.MapTiles("", "", 19).origin()).isEmpty();
    assertThat(
            new ConsoleProperties.MapTiles("http://127.0.0.1:8099/{z}/{x}/{y}.png", "", 19)
                .origin())
        .hasValue("http://127.0.0.1:8099");
  }
}
