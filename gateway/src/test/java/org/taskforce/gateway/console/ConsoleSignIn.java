package org.taskforce.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * A browser signing in to the console the way a real one does, against WireMock as Keycloak: the
 * redirect to Keycloak (checked for PKCE), Keycloak's answer with these tokens, the session cookie.
 */
final class ConsoleSignIn {
  private ConsoleSignIn() {}

  /** A browser's cookie jar, enough for one origin. */
  static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    final Map<String, ResponseCookie> set = new LinkedHashMap<>();

    /** Every session id the gateway handed this browser, in order. */
    final List<String> sessionIds = new java.util.ArrayList<>();

    void take(EntityExchangeResult<?> result) {
      result
          .getResponseCookies()
          .forEach((name, values) ->
              values.forEach(c -> {
                set.put(name, c);
                if (name.equals(ConsoleRoutes.SESSION_COOKIE) && !c.getValue().isEmpty()) {
                  sessionIds.add(c.getValue());
                }
                if (c.getMaxAge().isZero() || c.getValue().isEmpty()) {
                  cookies.remove(name);
                } else {
                  cookies.put(name, c.getValue());
                }
              }));
    }

    /** Loads {@code uri} as this browser, keeping the cookies it is given (e.g. CSRF). */
    void load(WebTestClient web, String uri) {
      take(
          web.get()
              .uri(uri)
              .header(HttpHeaders.COOKIE, header())
              .exchange()
              .expectBody()
              .returnResult());
    }

    /** Signs out as the console's form does: a POST to /logout with the CSRF token. */
    WebTestClient.ResponseSpec signOut(WebTestClient web) {
      return web.post()
          .uri("/logout")
          .header(HttpHeaders.COOKIE, header())
          .contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .bodyValue("_csrf=" + cookies.get("XSRF-TOKEN"))
          .exchange();
    }

    String header() {
      return cookies.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .reduce((a, b) -> a + "; " + b)
          .orElse("");
    }
  }

  /** Signs in as the test realm's maria.lopez (HSI). */
  static Browser signIn(
      WebTestClient web,
      KeycloakTestRealm realm,
      String code,
      String accessToken,
      int expiresIn,
      String refreshToken) {
    return signIn(web, realm, "maria.lopez", code, accessToken, expiresIn, refreshToken);
  }

  /** Signs in as {@code username}, whose ID token and user info Keycloak hands the gateway. */
  static Browser signIn(
      WebTestClient web,
      KeycloakTestRealm realm,
      String username,
      String code,
      String accessToken,
      int expiresIn,
      String refreshToken) {
    Browser browser = new Browser();
    var page =
        web.get()
            .uri("/cases")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult();
    browser.take(page);
    assertThat(page.getResponseHeaders().getLocation()).hasPath("/oauth2/authorization/keycloak");

    var authorize =
        web.get()
            .uri("/oauth2/authorization/keycloak")
            .header(HttpHeaders.COOKIE, browser.header())
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult();
    browser.take(authorize);
    URI toKeycloak = authorize.getResponseHeaders().getLocation();
    assertThat(toKeycloak.toString()).startsWith(realm.issuer() + "/protocol/openid-connect/auth");
    var query = UriComponentsBuilder.fromUri(toKeycloak).build().getQueryParams();
    assertThat(query.getFirst("client_id")).isEqualTo("taskforce-console");
    assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
    assertThat(query.getFirst("code_challenge")).isNotBlank();
    assertThat(query.getFirst("scope")).contains("openid");

    String subject = UUID.nameUUIDFromBytes(username.getBytes()).toString();
    String idToken =
        realm
            .user(username, "hsi-abq", "FEDERAL", "investigator")
            .claim("aud", List.of("taskforce-console"))
            .claim("azp", "taskforce-console")
            .claim("typ", "ID")
            .claim("nonce", decode(query.getFirst("nonce")))
            .mint();
    realm
        .wireMock()
        .stubFor(
            post(urlEqualTo("/realms/taskforce/protocol/openid-connect/token"))
                .withRequestBody(containing("code=" + code))
                .willReturn(json(tokenResponse(accessToken, expiresIn, refreshToken, idToken))));
    realm
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/realms/taskforce/protocol/openid-connect/userinfo"))
                .willReturn(
                    json(
                        "{\"sub\":\""
                            + subject
                            + "\",\"preferred_username\":\""
                            + username
                            + "\",\"name\":\""
                            + username
                            + "\"}")));

    var back =
        web.get()
            .uri(b ->
                b.path("/login/oauth2/code/keycloak")
                    .queryParam("code", code)
                    .queryParam("state", decode(query.getFirst("state")))
                    .build())
            .header(HttpHeaders.COOKIE, browser.header())
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult();
    browser.take(back);
    assertThat(back.getResponseHeaders().getLocation()).hasPath("/cases");
    realm
        .wireMock()
        .verify(
            postRequestedFor(urlEqualTo("/realms/taskforce/protocol/openid-connect/token"))
                .withRequestBody(containing("code_verifier="))
                .withRequestBody(containing("grant_type=authorization_code")));
    return browser;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  static String tokenResponse(String access, int expiresIn, String refresh, String idToken) {
    return "{\"access_token\":\""
        + access
        + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn
        + ",\"refresh_token\":\""
        + refresh
        + "\",\"refresh_expires_in\":1800"
        + (idToken == null ? "" : ",\"id_token\":\"" + idToken + "\"")
        + ",\"scope\":\"openid profile email\"}";
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }
}
