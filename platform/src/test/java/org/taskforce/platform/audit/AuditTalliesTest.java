package org.taskforce.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskforce.platform.audit.AuditEntries.success;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;

/**
 * The day counts kept beside the audit entries equal a count of the entries themselves, whatever
 * crashed where: before the entry, between the entry and its count, repeated, or a bulk import.
 */
class AuditTalliesTest extends AuditTalliesFixture {
  private AuditTrail untallied;

  private static final Set<String> TALLIED = Set.of("check.before-acting", "check.partner");

  AuditTalliesTest() {
    super(TALLIED);
  }

  /** Another replica's tallies over the same database and clock. */
  private AuditTallies otherReplica() {
    return new AuditTallies(db, TALLIED, ZONE, clock);
  }

  /** Whether the counts are marked stale (1) or not (0). */
  private long staleMarks() {
    return db.getCollection("report_tallies").countDocuments(new Document("_id", "~audit-stale"));
  }

  @BeforeEach
  void start() {
    untallied = new AuditTrail(db, clock);
  }

  @Test
  void randomAppendsAndCrashes_countAsTheEntries() {
    Random r = new Random(7);
    List<AuditEntry> written = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      AuditEntry e = entry("e" + i, r);
      if (!written.isEmpty() && r.nextInt(4) == 0) {
        // a retry of an earlier act: another entry, at another time (maybe another day, earlier)
        AuditEntry of = written.get(r.nextInt(written.size()));
        e = success("e" + i, e.time(), of.agencyId(), of.action(), of.resource(), "test", "");
      }
      written.add(e);
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
      if (i % 75 == 74) {
        assertCountsEqualTheEntries(); // a report between writes settles what is pending
      }
    }
    assertCountsEqualTheEntries();
    clock.advance(Duration.ofMinutes(11));
    assertCountsEqualTheEntries();
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isZero();
  }

  @Test
  void aCountedAppend_writesOnlyItsIntentAndEntry_theCountIsNotOnItsPath() {
    Instant t = DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(9));
    var buckets = db.getCollection("report_tallies");
    long before = buckets.countDocuments();
    for (int i = 0; i < 5; i++) {
      trail.append(check("e" + i, "checks/chk-" + i, t));
    }
    assertThat(buckets.countDocuments()).isEqualTo(before); // no day bucket rewritten per check
    assertThat(db.getCollection("audit_tally_acts").countDocuments()).isZero();
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isEqualTo(5);
    tallies.upkeep(); // the background counts them, in one batch
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isZero();
    assertThat(tallies.count("check.before-acting", DAY, DAY, "apd")).isEqualTo(5);
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
    // a report does not rebuild inside the request: it says the counts are catching up
    assertThatThrownBy(() -> tallies.count("check.before-acting", DAY, DAY, null))
        .isInstanceOfSatisfying(
            TaskforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
              assertThat(e.reason()).isEqualTo("REPORT_TALLIES_CATCHING_UP");
            });
    tallies.upkeep(); // the background rebuilds
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
  void aRetryAcrossMidnight_countsOnceOnTheFirstDay_whicheverEntryIsCountedFirst() {
    Instant beforeMidnight = DAY.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(2);
    AuditEntry first = check("first-attempt", "checks/chk-m", beforeMidnight);
    AuditEntry retry = check("retry", "checks/chk-m", beforeMidnight.plusSeconds(5));
    // the first attempt's count crashed (intent left); the retry, after midnight, counts first
    tallies.intend(first);
    untallied.append(first);
    trail.append(retry);
    LocalDate next = DAY.plusDays(1);
    assertThat(tallies.count("check.before-acting", DAY, next, null)).isEqualTo(1);
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(1);
    assertThat(tallies.count("check.before-acting", next, next, null)).isZero();
    assertThat(tallies.count("check.before-acting", next, next, "apd")).isZero();
    tallies.rebuild();
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(1);
    assertThat(tallies.count("check.before-acting", next, next, null)).isZero();
    // one more retry the day after, after the rebuild: still once, on the first day
    trail.append(check("late-retry", "checks/chk-m", beforeMidnight.plus(Duration.ofDays(1))));
    assertThat(tallies.count("check.before-acting", DAY, DAY.plusDays(3), null)).isEqualTo(1);
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(1);
  }

  @Test
  void aReportSettlesABoundedNumberOfLeftovers_theBackgroundTheRest() {
    AuditTallies bounded = new AuditTallies(db, TALLIED, ZONE, clock, 3);
    Random r = new Random(10);
    for (int i = 0; i < 8; i++) {
      AuditEntry e = entry("left" + i, r);
      bounded.intend(e);
      untallied.append(e); // crashed before counting: eight intents left
    }
    var intents = db.getCollection("audit_tally_intents");
    assertThatThrownBy(() -> bounded.count("check.before-acting", DAY, DAY.plusDays(12), null))
        .isInstanceOf(TaskforceException.class);
    assertThat(intents.countDocuments()).isEqualTo(5); // three settled by the request, no more
    bounded.upkeep();
    assertThat(intents.countDocuments()).isZero();
    assertCountsEqualTheEntries();
  }

  @Test
  void whenCountingFails_aReportAnswersUnavailable_andCountsItOnceRepaired() {
    Instant t = DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(10));
    // an act that cannot be counted (here: its record is unusable; in production: a day bucket
    // contended past its retries)
    var actId = "check.before-acting|checks/chk-9";
    db.getCollection("audit_tally_acts")
        .insertOne(new Document("_id", actId).append("days", "not a list"));
    AuditEntry e = check("e1", "checks/chk-9", t);
    trail.append(e); // must not throw: the check happened
    assertThat(db.getCollection(AuditTrail.COLLECTION).countDocuments()).isEqualTo(1);
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isEqualTo(1);
    assertThatThrownBy(() -> tallies.count("check.before-acting", DAY, DAY, null))
        .isInstanceOf(TaskforceException.class)
        .extracting(x -> ((TaskforceException) x).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE); // not INTERNAL, and not a number without it
    db.getCollection("audit_tally_acts").deleteOne(new Document("_id", actId)); // repaired
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
    assertThatThrownBy(tallies::rebuild).isInstanceOf(RuntimeException.class);
    db.getCollection(AuditTrail.COLLECTION).deleteOne(new Document("_id", "broken"));
    assertThatThrownBy(() -> tallies.count("check.partner", DAY, DAY, null))
        .isInstanceOf(TaskforceException.class); // still marked: not a half-built answer
    tallies.upkeep();
    assertCountsEqualTheEntries();
  }

  @Test
  void twoReplicas_onlyTheLeaseHolderRebuilds_andNeitherSettlesBesideIt() {
    AuditTallies other = otherReplica();
    Random r = new Random(5);
    List<AuditEntry> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(entry("b" + i, r));
    }
    trail.appendAll(batch); // marks the counts stale
    trail.append(entry("live", r)); // an intent beside the rebuild
    assertThat(tallies.claimRebuild()).isTrue(); // this replica rebuilds (holds the lease)
    other.upkeep(); // the other must neither rebuild (clear its buckets) nor settle
    assertThat(staleMarks()).isEqualTo(1);
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isEqualTo(1);
    assertThat(other.claimRebuild()).isFalse();
    assertThatThrownBy(() -> other.count("check.partner", DAY, DAY, null))
        .isInstanceOf(TaskforceException.class)
        .extracting(x -> ((TaskforceException) x).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
    tallies.upkeep(); // the holder rebuilds, then settles
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isZero();
    assertCountsEqualTheEntries();
  }

  @Test
  void aLeaseWhoseHolderDied_runsOut_andAnotherReplicaRebuilds() {
    AuditTallies other = otherReplica();
    Random r = new Random(6);
    trail.appendAll(List.of(entry("b1", r), entry("b2", r)));
    assertThat(tallies.claimRebuild()).isTrue(); // and then it dies
    other.upkeep();
    assertThat(staleMarks()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(16));
    other.upkeep();
    assertCountsEqualTheEntries();
  }

  @Test
  void aRetriedAppend_refreshesItsIntent_andIsCountedThoughTheFirstTryIsLongPast() {
    Instant t = DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(9));
    AuditEntry e = check("slow", "checks/chk-slow", t);
    tallies.intend(e); // the first try: its entry never written (timed out)
    clock.advance(Duration.ofMinutes(3));
    tallies.intend(e); // the retry, a few minutes later
    tallies.upkeep(); // settles before the retry's entry lands
    untallied.append(e); // the retry's entry
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(1);
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isZero();
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

  /** Acts (resources) of the action and agency whose first entry falls in [start, end]. */
  private long countEntries(String action, LocalDate start, LocalDate end, String agency) {
    Map<String, LocalDate> firstDay = new java.util.HashMap<>();
    for (Document d : db.getCollection(AuditTrail.COLLECTION).find()) {
      LocalDate day = d.getDate("time").toInstant().atZone(ZONE).toLocalDate();
      if (d.getString("action").equals(action)
          && (agency == null || agency.equals(d.getString("agencyId")))) {
        firstDay.merge(d.getString("resource"), day, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return firstDay.values().stream()
        .filter(day -> !day.isBefore(start) && !day.isAfter(end))
        .count();
  }

  private static AuditEntry entry(String id, Random r) {
    Instant t =
        DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofMinutes(r.nextInt(12 * 24 * 60)));
    String agency = r.nextBoolean() ? "apd" : "hsi-abq";
    String action = r.nextInt(4) == 0 ? "check.partner" : "check.before-acting";
    return success(id, t, agency, action, "checks/" + id, "test", "");
  }

  private static AuditEntry check(String id, String resource, Instant t) {
    return success(id, t, "apd", "check.before-acting", resource, "test", "req-1");
  }

  private static AuditEntry other(String id) {
    return success(
        id, DAY.atStartOfDay(ZONE).toInstant(), "apd", "target.read", "targets/t", "", "");
  }
}
