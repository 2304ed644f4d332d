package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.testing.RpcFuzzer;

/**
 * Issue 20 item 8 through the gateway: every REST route the gateway publishes (read from its own
 * OpenAPI document, so a new route is fuzzed without touching this test) called with generated and
 * boundary requests by callers of several agencies and roles, with real Keycloak tokens and none,
 * against the real services: never a 5xx, every 4xx with the JSON error body (and field violations
 * for INVALID_ARGUMENT), and a refused call leaves the three databases as they were.
 *
 * <p>The services keep their databases in this test's own embedded MongoDB, so the digest reads
 * what was stored. {@code -Dfuzz.seed=} replays a run; {@code -Dfuzz.cases=} (default 12) sets the
 * requests per operation.
 */
class RestFuzzTest extends StackTestBase {
  private static final String GATEWAY = "http://127.0.0.1:8080";

  /**
   * Collections a refused call may change, or that change on their own while it runs: the audit
   * trail notes refusals, as it should, and the report counts follow the trail and the records in
   * the services' background rounds (their intents, buckets, receipts and parked intents), which
   * the real stack cannot pause the way the module tests do. A refused call that stored a record
   * still shows in the records' own collections.
   */
  private static final Set<String> MAY_CHANGE =
      Set.of(
          AuditTrail.COLLECTION,
          "audit_tally_acts",
          "audit_tally_intents",
          "record_tally_intents",
          "report_tallies",
          "report_tally_parked",
          "report_tally_receipts");

  // Started with the test instance, before the stack that keeps its databases there.
  private final EmbeddedMongo mongo = EmbeddedMongo.startInMemory();
  private final MongoClient client = MongoClients.create(mongo.connectionString());

  @Override
  LocalStack.Options stackOptions() {
    return new LocalStack.Options(
        ROOT, ROOT.resolve("local/target/fuzz-stack"), true, true, mongo.connectionString(), false);
  }

  /** The stack first, then the database it kept its records in. */
  @Override
  @AfterAll
  void stopTheStack() {
    super.stopTheStack();
    client.close();
    mongo.close();
  }

  @Test
  void everyRestRoute_neverAnswers5xx_refusesWithTheJsonErrorBody_andStoresNothingRefused()
      throws Exception {
    JsonObject openApi =
        JsonParser.parseString(
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/openapi.json"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .getAsJsonObject();
    List<RestFuzzer.Caller> callers =
        List.of(
            new RestFuzzer.Caller("ago taskforce-commander", () -> api.userToken("ago.commander")),
            new RestFuzzer.Caller("ago watch officer", () -> api.userToken("ago.watch")),
            new RestFuzzer.Caller("ago intake coordinator", () -> api.userToken("ago.intake")),
            new RestFuzzer.Caller("hsi investigator", () -> api.userToken("hsi.investigator")),
            new RestFuzzer.Caller("hsi admin", () -> api.userToken("hsi.admin")),
            new RestFuzzer.Caller("crisis victim advocate", () -> api.userToken("crisis.advocate")),
            new RestFuzzer.Caller(
                "bcso partner system", () -> api.clientToken("bcso-rms", "dev-bcso-rms-secret")),
            new RestFuzzer.Caller("no token", null));

    RestFuzzer.Report report =
        new RestFuzzer(GATEWAY, openApi, RpcFuzzer.seed())
            .run(callers, RpcFuzzer.casesPerMethod(12), databases());

    assertThat(report.perOperation()).hasSizeGreaterThan(40);
    assertThat(report.findings()).isEmpty();
  }

  /** A digest of the three services' databases, leaving out what a refusal may note. */
  private Supplier<String> databases() {
    List<Supplier<String>> each =
        List.of("cases", "deconfliction", "notifications").stream()
            .map(name -> RpcFuzzer.digestOf(client.getDatabase(name), MAY_CHANGE))
            .toList();
    return () -> String.join(" | ", each.stream().map(Supplier::get).toList());
  }
}
