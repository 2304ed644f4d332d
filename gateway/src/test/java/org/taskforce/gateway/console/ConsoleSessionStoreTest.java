package org.taskforce.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskforce.gateway.GatewayApplication;
import org.taskforce.gateway.console.ConsoleSignIn.Browser;
import org.taskforce.gateway.console.session.MongoSessionRepository;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Console sessions live in MongoDB, not in a gateway's memory: a session signed in on one gateway
 * is used on another that shares the database (replicas), survives the gateway's restart on the
 * embedded default's file, gets a new id at sign-in, and is deleted from the store at sign-out.
 * Whole gateway applications, WireMock as Keycloak.
 */
class ConsoleSessionStoreTest {
  static final KeycloakTestRealm realm = new KeycloakTestRealm();
  static final String SESSION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

  final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

  static {
    realm
        .wireMock()
        .stubFor(
            post(urlEqualTo("/realms/taskforce/protocol/openid-connect/logout"))
                .willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stopGateways() {
    gateways.forEach(ConfigurableApplicationContext::close);
  }

  @AfterAll
  static void stopRealm() {
    realm.close();
  }

  private ConfigurableApplicationContext gateway(String... mongo) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--taskforce.console.client-secret=test-secret",
                "--taskforce.gateway.rate-limit.enabled=false",
                "--taskforce.security.issuer-uri=" + realm.issuer()));
    args.addAll(List.of(mongo));
    var context =
        new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    gateways.add(context);
    return context;
  }

  private static WebTestClient client(ConfigurableApplicationContext gateway) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"))
        .responseTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static Browser signIn(WebTestClient web, String code) {
    String access = realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator").mint();
    return ConsoleSignIn.signIn(web, realm, code, access, 300, "refresh-" + code);
  }

  private static WebTestClient.ResponseSpec me(WebTestClient web, Browser browser) {
    return web.get().uri("/console/me").header(HttpHeaders.COOKIE, browser.header()).exchange();
  }

  @Test
  void aSessionSignedInOnOneReplica_isUsedOnAnother_andSignOutOnEitherEndsItOnBoth() {
    try (EmbeddedMongo shared = EmbeddedMongo.startInMemory();
        var mongo = MongoClients.create(shared.connectionString())) {
      String[] database = {
        "--taskforce.mongodb.uri=" + shared.connectionString() + "/gateway",
        "--taskforce.console.session-key=" + SESSION_KEY
      };
      WebTestClient first = client(gateway(database));
      WebTestClient second = client(gateway(database));
      var sessions = mongo.getDatabase("gateway").getCollection(MongoSessionRepository.COLLECTION);

      Browser browser = signIn(first, "replica-1");
      me(second, browser)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.agency")
          .isEqualTo("hsi-abq");
      assertThat(sessions.countDocuments()).isEqualTo(1);

      browser.take(me(second, browser).expectBody().returnResult()); // the CSRF cookie
      browser.signOut(second).expectStatus().isFound();

      assertThat(sessions.countDocuments()).isZero();
      me(first, browser).expectStatus().isUnauthorized();
      me(second, browser).expectStatus().isUnauthorized();
    }
  }

  @Test
  void aSession_survivesTheGatewaysRestart_onTheEmbeddedDefaultsFile(@TempDir Path data) {
    String[] embeddedFile = {
      "--taskforce.mongodb.embedded-backend=H2", "--taskforce.mongodb.data-dir=" + data
    };
    var before = gateway(embeddedFile);
    Browser browser = signIn(client(before), "restart-1");
    me(client(before), browser).expectStatus().isOk();
    before.close();
    gateways.remove(before);
    assertThat(Files.exists(data.resolve("gateway.mv.db"))).isTrue();

    var after = gateway(embeddedFile);
    me(client(after), browser)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo("maria.lopez");
  }

  @Test
  void signingIn_givesTheSessionANewId_andTheIdBeforeSigningInIsWorthNothing() {
    WebTestClient web = client(gateway());
    Browser browser = signIn(web, "fixation-1");
    assertThat(browser.sessionIds).hasSizeGreaterThanOrEqualTo(2);
    String before = browser.sessionIds.getFirst();
    String after = browser.cookies.get("SESSION");
    assertThat(after).isEqualTo(browser.sessionIds.getLast()).isNotEqualTo(before);

    Browser planted = new Browser();
    planted.cookies.put("SESSION", before);
    me(web, planted).expectStatus().isUnauthorized();
    me(web, browser).expectStatus().isOk();
  }

  /** The session collection's commands of one kind so far, as the gateway's driver timed them. */
  private static long commands(ConfigurableApplicationContext gateway, String command) {
    return gateway
        .getBean(MeterRegistry.class)
        .find("mongodb.driver.commands")
        .tag("collection", MongoSessionRepository.COLLECTION)
        .tag("command", command)
        .timers()
        .stream()
        .mapToLong(Timer::count)
        .sum();
  }

  @Test
  void signedInRequestsThatChangeNothing_writeNothing_norDoStaticFiles() {
    var gateway = gateway();
    WebTestClient web = client(gateway);
    Browser browser = signIn(web, "quiet-1");
    me(web, browser).expectStatus().isOk();
    long updates = commands(gateway, "update");
    long inserts = commands(gateway, "insert");
    for (int i = 0; i < 3; i++) {
      me(web, browser).expectStatus().isOk();
    }
    // The same session, used again within the minute: no write (the access time and the last
    // activity move only by a minute or more).
    assertThat(commands(gateway, "update")).isEqualTo(updates);
    assertThat(commands(gateway, "insert")).isEqualTo(inserts);

    // Static files write nothing (Spring Security's anonymous filter still reads the session).
    for (String file : List.of("/assets/app.js", "/assets/missing.css", "/favicon.svg")) {
      web.get().uri(file).header(HttpHeaders.COOKIE, browser.header()).exchange();
    }
    assertThat(commands(gateway, "update")).isEqualTo(updates);
    assertThat(commands(gateway, "insert")).isEqualTo(inserts);
  }

  @Test
  void signingIn_leavesOneDocument_theSessionUnderItsNewId() {
    var gateway = gateway();
    Browser browser = signIn(client(gateway), "one-document-1");
    var sessions =
        gateway
            .getBean(org.taskforce.gateway.console.session.SessionDatabase.class)
            .database()
            .getCollection(MongoSessionRepository.COLLECTION);
    assertThat(browser.sessionIds).hasSizeGreaterThanOrEqualTo(2);
    assertThat(sessions.countDocuments()).isEqualTo(1);
  }

  @Test
  void aStoredLastActivityFarAhead_isNotBelieved_theSessionEnds() {
    var gateway = gateway();
    WebTestClient web = client(gateway);
    Browser browser = signIn(web, "future-1");
    me(web, browser).expectStatus().isOk();
    var sessions =
        gateway
            .getBean(org.taskforce.gateway.console.session.SessionDatabase.class)
            .database()
            .getCollection(MongoSessionRepository.COLLECTION);
    String field =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ConsoleIdleSessions.LAST_ACTIVITY.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
    // A rising value only goes up: an hour ahead would hold the session past every deadline.
    sessions.updateOne(
        new org.bson.Document(),
        com.mongodb.client.model.Updates.set(
            "rising." + field, System.currentTimeMillis() + 3_600_000L));
    me(web, browser).expectStatus().isUnauthorized();
  }

  @Test
  void withoutASessionKey_theGatewayStartsOnlyWhereTheDevelopmentKeyIsAskedFor() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> gateway("--taskforce.console.development-session-key=false")))
        .rootCause()
        .hasMessageContaining(ConsoleSessionConfiguration.SESSION_KEY_PROPERTY)
        .hasMessageContaining("is not set");
  }

  @Test
  void withSecureCookies_theGatewayRefusesTheEmbeddedDatabaseAndTheDevelopmentKey() {
    // The development key asked for (as in every test here), on the embedded database.
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> gateway("--taskforce.console.secure-cookies=true")))
        .rootCause()
        .hasMessageContaining("secure-cookies")
        .hasMessageContaining("taskforce.mongodb.uri is not set");
    // A key of its own, still on the embedded database.
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() ->
                gateway(
                    "--taskforce.console.secure-cookies=true",
                    "--taskforce.console.session-key=" + SESSION_KEY)))
        .rootCause()
        .hasMessageContaining("taskforce.mongodb.uri is not set");
    // A shared MongoDB without a key.
    try (EmbeddedMongo shared = EmbeddedMongo.startInMemory()) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(() ->
                  gateway(
                      "--taskforce.console.secure-cookies=true",
                      "--taskforce.mongodb.uri=" + shared.connectionString() + "/gateway")))
          .rootCause()
          .hasMessageContaining(ConsoleSessionConfiguration.SESSION_KEY_PROPERTY)
          .hasMessageContaining("is not set");
    }
  }

  @Test
  void onARealMongoDb_theGatewayRefusesToStartWithoutASessionKey() {
    try (EmbeddedMongo shared = EmbeddedMongo.startInMemory()) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(() ->
                  gateway("--taskforce.mongodb.uri=" + shared.connectionString() + "/gateway")))
          .rootCause()
          .hasMessageContaining(ConsoleSessionConfiguration.SESSION_KEY_PROPERTY)
          .hasMessageContaining("is not set");
    }
  }
}
