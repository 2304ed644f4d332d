package org.taskforce.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.GetCaseResponse;
import org.taskforce.gateway.GatewayBackends;
import org.taskforce.gateway.GatewayWebTest;
import org.taskforce.gateway.console.ConsoleSignIn.Browser;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * The gateway as the console's backend-for-frontend, against WireMock as Keycloak and a case
 * backend that echoes the token it was called with: sign-in (authorization code + PKCE), the
 * session cookie, CSRF, the token relayed and refreshed, a session Keycloak no longer honours,
 * sign-out at Keycloak, the console's files and headers — and bearer-token callers unaffected.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "taskforce.console.client-secret=test-secret",
      "taskforce.gateway.rate-limit.enabled=false"
    })
class ConsoleBackendForFrontendTest extends GatewayWebTest {
  static final Context.Key<String> AUTHORIZATION = Context.key("authorization");
  @RegisterExtension static final GatewayBackends backends = new GatewayBackends();
  static final KeycloakTestRealm realm = backends.realm();
  static final Server cases = backends.grpc("case-service", () -> echoingCases().start());

  /** A case-service answering GetCase with the authorization header it was given as title. */
  private static Server echoingCases() {
    ServerInterceptor headers =
        new ServerInterceptor() {
          @Override
          public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
              io.grpc.ServerCall<Q, R> call,
              Metadata metadata,
              io.grpc.ServerCallHandler<Q, R> next) {
            String auth =
                metadata.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
            return Contexts.interceptCall(
                Context.current().withValue(AUTHORIZATION, auth), call, metadata, next);
          }
        };
    CaseServiceGrpc.CaseServiceImplBase echo =
        new CaseServiceGrpc.CaseServiceImplBase() {
          @Override
          public void getCase(GetCaseRequest request, StreamObserver<GetCaseResponse> response) {
            String auth = AUTHORIZATION.get();
            response.onNext(
                GetCaseResponse.newBuilder()
                    .setCase(
                        Case.newBuilder()
                            .setCaseId(request.getCaseId())
                            .setTitle(auth == null ? "no-token" : auth))
                    .build());
            response.onCompleted();
          }
        };
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(echo, headers))
        .build();
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    backends.register(registry);
  }

  @LocalServerPort int port;

  private Browser signIn(String code, String accessToken, int expiresIn, String refreshToken) {
    return ConsoleSignIn.signIn(web, realm, code, accessToken, expiresIn, refreshToken);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return ConsoleSignIn.json(body);
  }

  private static String tokenResponse(
      String access, int expiresIn, String refresh, String idToken) {
    return ConsoleSignIn.tokenResponse(access, expiresIn, refresh, idToken);
  }

  private String userToken() {
    return realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();
  }

  private WebTestClient.ResponseSpec getWith(Browser browser, String uri) {
    var spec = web.get().uri(uri).header(HttpHeaders.COOKIE, browser.header()).exchange();
    return spec;
  }

  @Test
  void signIn_setsAnHttpOnlyStrictSessionCookie_andRelaysTheUsersTokenToTheApi() {
    String access = userToken();
    Browser browser = signIn("code-1", access, 300, "refresh-1");

    var cookie =
        web.get()
            .uri("/cases")
            .header(HttpHeaders.COOKIE, browser.header())
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .value(html -> assertThat(html).contains("<div id=\"root\">"))
            .returnResult();
    assertThat(browser.cookies).containsKey("SESSION");

    getWith(browser, "/api/v1/cases/c-1")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.case.title")
        .isEqualTo("Bearer " + access);
    assertThat(cookie.getResponseHeaders().getFirst(HttpHeaders.CACHE_CONTROL))
        .contains("no-store");
  }

  @Test
  void theSessionCookie_isHttpOnlyAndSameSiteStrict_andTheTokenNeverReachesTheBrowser() {
    String access = userToken();
    var authorize =
        web.get().uri("/oauth2/authorization/keycloak").exchange().expectBody().returnResult();
    ResponseCookie session = authorize.getResponseCookies().getFirst("SESSION");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");

    Browser browser = signIn("code-2", access, 300, "refresh-2");
    var me =
        getWith(browser, "/console/me")
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(me)
        .contains("\"agency\":\"hsi-abq\"")
        .contains("\"investigator\"")
        .contains("\"map\":{}")
        .doesNotContain(access)
        .doesNotContain("refresh-2");
    assertThat(browser.cookies.values()).noneMatch(v -> v.contains(access.substring(0, 20)));
  }

  @Test
  void unsafeCalls_needTheCsrfToken() {
    Browser browser = signIn("code-3", userToken(), 300, "refresh-3");
    getWith(browser, "/console/me").expectStatus().isOk();
    // The browser has the CSRF cookie, readable by the console's script, sent to this site only.
    ResponseCookie csrf = browser.set.get("XSRF-TOKEN");
    assertThat(csrf).isNotNull();
    assertThat(csrf.isHttpOnly()).isFalse();
    assertThat(csrf.getSameSite()).isEqualTo("Strict");

    web.post()
        .uri("/api/v1/cases")
        .header(HttpHeaders.COOKIE, browser.header())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"title\":\"x\"}")
        .exchange()
        .expectStatus()
        .isForbidden();
    web.post()
        .uri("/api/v1/cases")
        .header(HttpHeaders.COOKIE, browser.header())
        .header("X-XSRF-TOKEN", browser.cookies.get("XSRF-TOKEN"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"title\":\"x\"}")
        .exchange()
        // past CSRF and on to the backend, which does not implement CreateCase
        .expectStatus()
        .isEqualTo(501);
  }

  @Test
  void anExpiredAccessToken_isRefreshedBeforeItIsRelayed() {
    String fresh = userToken();
    realm
        .wireMock()
        .stubFor(
            post(urlEqualTo("/realms/taskforce/protocol/openid-connect/token"))
                .withRequestBody(containing("refresh_token=refresh-4"))
                .willReturn(json(tokenResponse(fresh, 300, "refresh-4b", null))));
    Browser browser = signIn("code-4", userToken(), 1, "refresh-4");

    getWith(browser, "/api/v1/cases/c-4")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.case.title")
        .isEqualTo("Bearer " + fresh);
    realm
        .wireMock()
        .verify(
            postRequestedFor(urlEqualTo("/realms/taskforce/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
  }

  @Test
  void keycloakUnreachableDuringARefresh_is503WithTheErrorBody_andTheSessionLivesOn() {
    String token = "/realms/taskforce/protocol/openid-connect/token";
    realm
        .wireMock()
        .stubFor(
            post(urlEqualTo(token))
                .withRequestBody(containing("refresh_token=refresh-9"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Browser browser = signIn("code-9", userToken(), 1, "refresh-9");

    for (String uri : new String[] {"/api/v1/cases/c-9", "/console/me"}) {
      getWith(browser, uri)
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .valueEquals(HttpHeaders.RETRY_AFTER, "5")
          .expectHeader()
          .contentType(MediaType.APPLICATION_JSON)
          .expectBody()
          .jsonPath("$.error.code")
          .isEqualTo(503)
          .jsonPath("$.error.status")
          .isEqualTo("UNAVAILABLE")
          .jsonPath("$.error.details[0].reason")
          .isEqualTo("SIGN_IN_UNAVAILABLE");
    }

    // Keycloak is back: the same session goes on, with a fresh token.
    String fresh = userToken();
    realm
        .wireMock()
        .stubFor(
            post(urlEqualTo(token))
                .withRequestBody(containing("refresh_token=refresh-9"))
                .willReturn(json(tokenResponse(fresh, 300, "refresh-9b", null))));
    getWith(browser, "/api/v1/cases/c-9")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.case.title")
        .isEqualTo("Bearer " + fresh);
  }

  @Test
  void theSession_outlivesTheApiCallsMadeWithIt() {
    String token = userToken();
    Browser browser = signIn("code-10", token, 300, "refresh-10");
    for (int call = 0; call < 3; call++) {
      getWith(browser, "/api/v1/cases/c-10")
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.case.title")
          .isEqualTo("Bearer " + token);
    }
    getWith(browser, "/console/me").expectStatus().isOk();
  }

  @Test
  void aSessionKeycloakNoLongerHonours_endsWith401_andTheUserMustSignInAgain() {
    realm
        .wireMock()
        .stubFor(
            post(urlEqualTo("/realms/taskforce/protocol/openid-connect/token"))
                .withRequestBody(containing("refresh_token=refresh-5"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}")));
    Browser browser = signIn("code-5", userToken(), 1, "refresh-5");

    getWith(browser, "/api/v1/cases/c-5")
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("SESSION_ENDED");
    getWith(browser, "/console/me").expectStatus().isUnauthorized();
    getWith(browser, "/cases")
        .expectStatus()
        .isFound()
        .expectHeader()
        .value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/oauth2/authorization/keycloak"));
  }

  @Test
  void signOut_endsTheSession_andKeycloaksToo() {
    Browser browser = signIn("code-6", userToken(), 300, "refresh-6");
    browser.load(web, "/");
    var out = browser.signOut(web).expectStatus().isFound().expectBody().returnResult();
    URI location = out.getResponseHeaders().getLocation();
    assertThat(location.toString())
        .startsWith(realm.issuer() + "/protocol/openid-connect/logout")
        .contains("id_token_hint=")
        .contains("post_logout_redirect_uri=");
    getWith(browser, "/console/me").expectStatus().isUnauthorized();
  }

  @Test
  void withoutASession_apiCallsAndMeAre401_andPagesGoToSignIn() {
    Browser stale = new Browser();
    stale.cookies.put("SESSION", "not-a-session");
    getWith(stale, "/api/v1/cases/c-1")
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("SESSION_REQUIRED");
    web.get().uri("/console/me").exchange().expectStatus().isUnauthorized();
    web.get()
        .uri("/cases/c-1")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/oauth2/authorization/keycloak"));
  }

  @Test
  void bearerTokenCallers_keepTheStatelessApi_evenWithASessionCookie() {
    String token = userToken();
    web.get()
        .uri("/api/v1/cases/c-7")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header(HttpHeaders.COOKIE, "SESSION=whatever")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE)
        .expectBody()
        .jsonPath("$.case.title")
        .isEqualTo("Bearer " + token);
    web.get()
        .uri("/api/v1/cases/c-7")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.error.details[0].reason")
        .isEqualTo("TOKEN_MISSING");
  }

  @Test
  void theConsolesFiles_arePublicAndCached_underAStrictContentSecurityPolicy() {
    var index = getWith(signIn("code-8", userToken(), 300, "r-8"), "/").expectBody(String.class);
    String html = index.returnResult().getResponseBody();
    String csp = index.returnResult().getResponseHeaders().getFirst("Content-Security-Policy");
    assertThat(csp)
        .contains("script-src 'self'")
        .contains("style-src 'self'")
        .contains("frame-ancestors 'none'")
        // No tile server configured: images from the gateway alone, the map draws offline.
        .contains("img-src 'self' data:;")
        .contains("connect-src 'self';")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(html).doesNotContainPattern("<script>(?s).+?</script>");
    String asset = html.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
    assertThat(asset).startsWith("/assets/");
    web.get()
        .uri(asset)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value(HttpHeaders.CACHE_CONTROL, c -> assertThat(c).contains("immutable"));
    web.get().uri("/assets/nothing.js").exchange().expectStatus().isNotFound();
  }
}
