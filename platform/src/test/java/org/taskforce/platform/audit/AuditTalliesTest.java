package org.taskforce.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.testing.MutableClock;

/**
 * The day counts kept beside the audit entries equal a count of the entries themselves, whatever
 * crashed where: before the entry, between the entry and its count, repeated, or a bulk import.
 */
class AuditTalliesTest {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate DAY = LocalDate.of(2026, 8, 1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
  private EmbeddedMongo server;
  private MongoClient client;
  private MongoDatabase db;
  private AuditTrail trail;
  private AuditTrail untallied;
  private AuditTallies tallies;

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    db = client.getDatabase("audit_tally_test");
    trail = new AuditTrail(db, clock);
    trail.create(db);
    untallied = new AuditTrail(db, clock);
    tallies = new AuditTallies(db, Set.of("check.before-acting", "check.partner"), ZONE, clock);
    tallies.create(db);
    tallies.rebuild(); // a fresh database: nothing to count yet
    trail.tallied(tallies);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void randomAppendsAndCrashes_countAsTheEntries() {
    Random r = new Random(7);
    for (int i = 0; i < 300; i++) {
      AuditEntry e = entry("e" + i, r);
      switch (r.nextInt(6)) {
        case 0 -> {
          // crashed between the entry and its count: the intent stays
          tallies.intend(e);
          untallied.append(e);
        }
        case 1 -> tallies.intend(e); // crashed before the entry: nothing was written
        case 2 -> {
          trail.append(e);
          tallies.settle(e); // a repeated step
        }
        case 3 -> {
          trail.appendIfAbsent(e);
          trail.appendIfAbsent(e); // a retried delivery
        }
        default -> trail.append(e);
      }
      if (r.nextInt(40) == 0) {
        clock.advance(Duration.ofMinutes(2));
      }
    }
    assertCountsEqualTheEntries();
    clock.advance(Duration.ofMinutes(2));
    assertCountsEqualTheEntries();
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isZero();
  }

  @Test
  void aBulkImport_isCountedAfterARebuild_andOtherActionsNever() {
    Random r = new Random(8);
    List<AuditEntry> batch = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      batch.add(entry("b" + i, r));
    }
    trail.append(entry("x1", r));
    trail.appendAll(batch);
    trail.append(other("o1"));
    assertCountsEqualTheEntries();
  }

  @Test
  void aRetriedCheck_writesTwoEntriesButCountsOnce_alsoAfterARebuild() {
    Instant t = DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(10));
    trail.append(check("first-attempt", "checks/chk-1", t));
    trail.append(check("retry", "checks/chk-1", t.plusSeconds(3))); // same request id, same check
    trail.append(check("another", "checks/chk-2", t.plusSeconds(5)));
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(2);
    assertThat(tallies.count("check.before-acting", DAY, DAY, "apd")).isEqualTo(2);
    tallies.rebuild();
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(2);
    // a crash left the retry's intent: settling it later does not count the check again
    AuditEntry again = check("third-attempt", "checks/chk-1", t.plusSeconds(9));
    tallies.intend(again);
    untallied.append(again);
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(2);
  }

  @Test
  void whenCountingFails_theAppendStillSucceeds_andTheNextReportCountsIt() {
    Instant t = DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(10));
    // a day bucket that cannot be updated (here: unreadable; in production: contended past retries)
    var bucketId = "audit.check.before-acting|" + DAY;
    db.getCollection("report_tallies")
        .insertOne(
            new Document("_id", bucketId)
                .append("s", "audit.check.before-acting")
                .append("d", DAY.toString())
                .append("v", 1L)
                .append("m", "not a document"));
    AuditEntry e = check("e1", "checks/chk-9", t);
    trail.append(e); // must not throw: the check happened
    assertThat(db.getCollection(AuditTrail.COLLECTION).countDocuments()).isEqualTo(1);
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isEqualTo(1);
    db.getCollection("report_tallies").deleteOne(new Document("_id", bucketId));
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(1);
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isZero();
  }

  @Test
  void aRebuildThatFailsHalfWay_leavesTheCountsMarkedStale() {
    Random r = new Random(9);
    List<AuditEntry> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      batch.add(entry("b" + i, r));
    }
    trail.appendAll(batch);
    // an entry the rebuild cannot read (no time): it fails after starting
    db.getCollection(AuditTrail.COLLECTION)
        .insertOne(
            new Document("_id", "broken")
                .append("action", "check.before-acting")
                .append("agencyId", "apd")
                .append("resource", "checks/broken"));
    org.assertj.core.api.Assertions.assertThatThrownBy(tallies::rebuild)
        .isInstanceOf(RuntimeException.class);
    db.getCollection(AuditTrail.COLLECTION).deleteOne(new Document("_id", "broken"));
    assertCountsEqualTheEntries();
  }

  private void assertCountsEqualTheEntries() {
    for (LocalDate start = DAY; start.isBefore(DAY.plusDays(12)); start = start.plusDays(3)) {
      LocalDate end = start.plusDays(start.getDayOfMonth() % 4);
      for (String action : List.of("check.before-acting", "check.partner")) {
        for (String agency : new String[] {null, "apd", "hsi-abq"}) {
          assertThat(tallies.count(action, start, end, agency))
              .as(action + " " + start + ".." + end + " " + agency)
              .isEqualTo(countEntries(action, start, end, agency));
        }
      }
    }
  }

  private long countEntries(String action, LocalDate start, LocalDate end, String agency) {
    long n = 0;
    for (Document d : db.getCollection(AuditTrail.COLLECTION).find()) {
      LocalDate day = d.getDate("time").toInstant().atZone(ZONE).toLocalDate();
      if (d.getString("action").equals(action)
          && !day.isBefore(start)
          && !day.isAfter(end)
          && (agency == null || agency.equals(d.getString("agencyId")))) {
        n++;
      }
    }
    return n;
  }

  private static AuditEntry entry(String id, Random r) {
    Instant t =
        DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofMinutes(r.nextInt(12 * 24 * 60)));
    String agency = r.nextBoolean() ? "apd" : "hsi-abq";
    String action = r.nextInt(4) == 0 ? "check.partner" : "check.before-acting";
    return new AuditEntry(
        id,
        t,
        "u",
        "someone",
        agency,
        "",
        action,
        "checks/" + id,
        AuditEntry.Outcome.SUCCESS,
        "test",
        "",
        Map.of());
  }

  private static AuditEntry check(String id, String resource, Instant t) {
    return new AuditEntry(
        id,
        t,
        "u",
        "someone",
        "apd",
        "",
        "check.before-acting",
        resource,
        AuditEntry.Outcome.SUCCESS,
        "test",
        "req-1",
        Map.of());
  }

  private static AuditEntry other(String id) {
    return new AuditEntry(
        id,
        DAY.atStartOfDay(ZONE).toInstant(),
        "u",
        "someone",
        "apd",
        "",
        "target.read",
        "targets/t",
        AuditEntry.Outcome.SUCCESS,
        "",
        "",
        Map.of());
  }
}
