package org.taskforce.deconfliction.reporting.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.deconfliction.adapter.grpc.DeconflictionTestBase;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.deconfliction.reporting.application.DeconflictionMeasures;
import org.taskforce.deconfliction.reporting.application.Measure;
import org.taskforce.deconfliction.reporting.application.ReportStore;
import org.taskforce.platform.audit.AuditTallies;
import org.taskforce.platform.mongo.RecordTallies;
import org.taskforce.platform.mongo.TallyIntents;

/**
 * The conflict and operation numbers kept as the records are written equal those aggregated from
 * the records at report time — for the task force and every agency's share, counts and durations —
 * after random creations, acknowledgements, escalations, resolutions, deletions, retried writes,
 * refused stale writes and writers that died after their intent; and a rebuild from the records
 * gives the same numbers as the incremental counts.
 */
class ReportTalliesTest extends DeconflictionTestBase {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final String[] AGENCIES = {"apd", "hsi-abq", "fbi-abq", "bcso"};
  static final Instant FROM = LocalDate.of(2026, 7, 1).atStartOfDay(ZONE).toInstant();
  static final Instant UNTIL = LocalDate.of(2026, 10, 1).atStartOfDay(ZONE).toInstant();

  @Autowired DisclosurePolicy policy;
  @Autowired AuditTallies checks;
  @Autowired RecordTallies tallies;

  /** When each id was last created: a record created again under an id is created later. */
  private final Map<String, Instant> lastCreated = new HashMap<>();

  private Instant createdAgain(String id, Instant t) {
    Instant last = lastCreated.get(id);
    Instant at = last != null && !t.isAfter(last) ? last.plus(Duration.ofDays(1)) : t;
    lastCreated.put(id, at);
    return at;
  }

  private static Agency agency(Random r) {
    String id = AGENCIES[r.nextInt(AGENCIES.length)];
    return new Agency(id, id, "LOCAL");
  }

  /** Some time from June to October (around the quarter's edges too). */
  private static Instant when(Random r) {
    return FROM.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(r.nextInt(130 * 24 * 60)));
  }

  @Test
  void randomConflictsAndOperations_tallied_equalTheRecords_andTheRebuild() {
    Random r = new Random(23);
    MongoConflictStore conflicts = new MongoConflictStore(database, policy);
    MongoEventStore events = new MongoEventStore(database);
    Map<String, Conflict> conflictNow = new HashMap<>();
    Map<String, EventRegistration> eventNow = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      if (r.nextBoolean()) {
        writeConflict(r, conflicts, conflictNow);
      } else {
        writeEvent(r, events, eventNow);
      }
      if (r.nextInt(20) == 0) {
        // a writer that died after its intent: nothing written
        new TallyIntents(database, r.nextBoolean() ? "conflicts" : "events").intend("died-" + i, 1);
      }
    }
    MongoReportStore fromRecords = new MongoReportStore(database, checks);
    MongoReportStore fromCounts = new MongoReportStore(database, checks, tallies);
    assertSame(fromRecords, fromCounts);
    tallies.rebuild();
    assertSame(fromRecords, fromCounts);
  }

  private void writeConflict(Random r, MongoConflictStore store, Map<String, Conflict> now) {
    String id = "K" + r.nextInt(60);
    Conflict c = now.get(id);
    if (c == null) {
      Instant created = createdAgain(id, when(r));
      Agency a = agency(r);
      Agency b = agency(r);
      Conflict fresh =
          new Conflict(
              id,
              r.nextBoolean() ? Conflict.Kind.TARGET : Conflict.Kind.EVENT,
              Tier.MATCH,
              1.0,
              List.of("same phone"),
              Conflict.Status.NEW,
              List.of(
                  new Conflict.Side(a, "r-" + id, Contact.NONE, disclosure(r), null),
                  new Conflict.Side(b, "q-" + id, Contact.NONE, disclosure(r), null)),
              created.plus(Duration.ofDays(1)),
              null,
              "",
              null,
              created,
              false,
              1);
      store.insertIfAbsent(fresh);
      if (r.nextInt(4) == 0) {
        store.insertIfAbsent(fresh); // a retried finding
      }
      now.put(id, fresh);
      return;
    }
    if (r.nextInt(8) == 0) {
      if (store.delete(id, c.version())) {
        now.remove(id);
      }
      return;
    }
    List<Conflict.Side> sides = new ArrayList<>(c.sides());
    int s = r.nextInt(2);
    Conflict.Status status = c.status();
    boolean escalated = c.escalated();
    switch (r.nextInt(3)) {
      case 0 -> {
        if (sides.get(s).acknowledged() == null) {
          Instant t = c.createTime().plus(Duration.ofSeconds(r.nextInt(20 * 3600)));
          sides.set(s, sides.get(s).acknowledge(new Stamp("u", "x", "a", t), ""));
          status = Conflict.Status.ACKNOWLEDGED;
        }
      }
      case 1 -> escalated = true;
      default -> status = Conflict.Status.RESOLVED;
    }
    Conflict next =
        new Conflict(
            c.id(),
            c.kind(),
            c.tier(),
            c.score(),
            c.reasons(),
            status,
            sides,
            c.deadline(),
            null,
            "",
            null,
            c.createTime(),
            escalated,
            c.version() + 1);
    if (r.nextInt(6) == 0) {
      return; // a change given up before it was written
    }
    if (store.replace(next, c.version())) {
      now.put(id, next);
      if (r.nextInt(4) == 0) {
        assertThat(store.replace(next, c.version())).isFalse(); // a retry, refused as stale
      }
    }
  }

  private void writeEvent(Random r, MongoEventStore store, Map<String, EventRegistration> now) {
    String id = "E" + r.nextInt(60);
    EventRegistration e = now.get(id);
    if (e == null) {
      Agency a = agency(r);
      Instant created = createdAgain(id, when(r));
      Instant start = created.plus(Duration.ofMinutes(r.nextInt(4 * 24 * 60)));
      Stamp stamp = new Stamp("u", "x", a.id(), created);
      EventRegistration fresh =
          new EventRegistration(
              id,
              a,
              EventType.values()[r.nextInt(6)],
              new EventPlan(35.08, -106.65, 200, start, start.plus(Duration.ofHours(2))),
              null,
              Contact.NONE,
              List.of(),
              "case",
              disclosure(r),
              RegistrationStatus.ACTIVE,
              stamp,
              stamp,
              1,
              "");
      store.insert(fresh);
      if (r.nextInt(4) == 0) {
        store.insert(fresh); // a retried registration
      }
      now.put(id, fresh);
    } else if (r.nextInt(6) == 0) {
      store.delete(id);
      now.remove(id);
    } else {
      Instant start = e.plan().start().plus(Duration.ofHours(r.nextInt(48) - 24));
      EventRegistration moved =
          new EventRegistration(
              id,
              e.agency(),
              e.type(),
              new EventPlan(35.08, -106.65, 200, start, start.plus(Duration.ofHours(2))),
              null,
              Contact.NONE,
              List.of(),
              "case",
              e.disclosure(),
              e.status(),
              e.created(),
              e.updated(),
              e.version() + 1,
              "");
      if (store.replace(moved, e.version())) {
        now.put(id, moved);
      }
    }
  }

  private static Disclosure disclosure(Random r) {
    return r.nextInt(5) == 0 ? Disclosure.RESTRICTED : Disclosure.OPEN;
  }

  private static void assertSame(ReportStore records, ReportStore counts) {
    List<String> shares = new ArrayList<>(Arrays.asList(AGENCIES));
    shares.add(null);
    for (String agency : shares) {
      List<ReportStore.CountQuery> queries = new ArrayList<>();
      for (Measure m : DeconflictionMeasures.ALL) {
        if (m instanceof Measure.Count c && c.source().collection().matches("conflicts|events")) {
          boolean now = c.window() == Measure.Window.NOW;
          queries.add(
              new ReportStore.CountQuery(
                  c.id(), c.source(), now ? null : FROM, now ? null : UNTIL, c.groupBy()));
        }
      }
      assertThat(queries).hasSize(4);
      assertThat(counts.counts(queries, agency))
          .as("counts of %s", agency)
          .isEqualTo(records.counts(queries, agency));
      for (Measure m : DeconflictionMeasures.ALL) {
        if (m instanceof Measure.Durations d) {
          long[] expected = records.durations(d, FROM, UNTIL, agency);
          long[] actual = counts.durations(d, FROM, UNTIL, agency);
          Arrays.sort(expected);
          Arrays.sort(actual);
          assertThat(actual).as("%s of %s", d.id(), agency).isEqualTo(expected);
          if (agency == null) {
            assertThat(expected).as("a test with something to compare").hasSizeGreaterThan(10);
          }
        }
      }
    }
  }
}
