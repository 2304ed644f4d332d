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
