package org.taskforce.cases.reporting.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.domain.CaseChange;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.reporting.application.ReportStore.TallyQuery;
import org.taskforce.cases.reporting.application.Source;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.reporting.ReportPeriod;

/**
 * The case tallies against a count straight from the case documents, after random histories of
 * cases (opened, retyped, closed, reopened, closed again on another day, agencies joining and
 * leaving, lead handed over), for random periods, for the task force and each agency's share —
 * including after "crashes": cases written and never tallied, steps repeated, flags left set.
 */
class CaseTalliesTest {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final Instant EPOCH = LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toInstant();
  static final String[] AGENCIES = {"nm-ago", "apd", "hsi-abq", "nnpd"};
  static final String[] TYPES = {"STATE", "LOCAL", "FEDERAL", "TRIBAL"};
  static final Source OPENED = source("createdAt", null);
  static final Source ACTIVE = source("createdAt", "closedAt");
  static final Source CLOSED = source("closedAt", null);

  EmbeddedMongo server;
  MongoClient client;
  MongoDatabase database;
  MongoCaseStore cases;
  CaseTallies tallies;
  MongoReportStore reports;
  Random random = new Random(2026);

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("tallies_test");
    cases = new MongoCaseStore(database);
    tallies = new CaseTallies(database, ZONE);
    tallies.create(database);
    reports = new MongoReportStore(database, tallies);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void randomHistories_countAsTheCasesThemselves() {
    List<JointCase> all = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      JointCase c = open("c" + i);
      assertThat(cases.insertIfAbsent(c)).isTrue();
      all.add(c);
      if (i % 10 == 0) {
        tallies.applyPending(); // some reports run in between
      }
    }
    for (int step = 0; step < 400; step++) {
      int i = random.nextInt(all.size());
      JointCase next = change(all.get(i));
      assertThat(cases.replace(next, all.get(i).version())).isTrue();
      all.set(i, next);
      if (random.nextInt(7) == 0) {
        tallies.applyPending();
      }
      if (random.nextInt(11) == 0) {
        // a crash after the buckets were brought up to date but before the flag was cleared
        database
            .getCollection("cases")
            .updateMany(new Document(), Updates.set("tallyPending", true));
      }
    }
    for (int p = 0; p < 25; p++) {
      LocalDate start = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700));
      LocalDate end = start.plusDays(random.nextInt(200));
      ReportPeriod period = new ReportPeriod(start, end, ZONE);
      for (String agency : new String[] {null, "nm-ago", "apd", "hsi-abq", "nnpd"}) {
        assertThat(reports.tallies(queries(), period, agency))
            .as(period + " " + agency)
            .isEqualTo(bruteForce(period, agency));
      }
    }
  }

  @Test
  void rebuild_givesTheSameBuckets_andAnOlderVersionNeverWinsOverANewerOne() {
    List<JointCase> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      JointCase c = change(change(open("r" + i)));
      cases.insertIfAbsent(c);
      all.add(c);
    }
    ReportPeriod year =
        new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), ZONE);
    Map<String, Map<String, Long>> applied = reports.tallies(queries(), year, null);
    tallies.rebuild();
    assertThat(reports.tallies(queries(), year, null))
        .isEqualTo(applied)
        .isEqualTo(bruteForce(year, null));
    // a late writer of an older version (a replica that stalled) cannot move a count back
    Document c0 = database.getCollection("cases").find(Filters.eq("_id", "r0")).first();
    Document older = new Document(c0).append("version", 0L).append("type", "OTHER");
    tallies
        .contributions(older)
        .forEach((bucket, keys) -> {
          int bar = bucket.indexOf('|');
          new org.taskforce.platform.mongo.TallyBuckets(database, "report_tallies")
              .put(bucket.substring(0, bar), bucket.substring(bar + 1), "r0", 0L, keys);
        });
    assertThat(reports.tallies(queries(), year, null)).isEqualTo(bruteForce(year, null));
  }

  @Test
  void aSlowApplierOfAnOlderVersion_doesNotCountAClosingTheNewerVersionUndid() {
    LocalDate opened = LocalDate.of(2025, 3, 1);
    LocalDate closed = LocalDate.of(2025, 3, 9);
    var raw = database.getCollection("cases");
    raw.insertOne(
        new Document("_id", "s1")
            .append("version", 1L)
            .append("createdAt", Date.from(opened.atTime(10, 0).atZone(ZONE).toInstant()))
            .append("closedAt", Date.from(closed.atTime(10, 0).atZone(ZONE).toInstant()))
            .append("type", "SEX")
            .append("leadAgencyId", "apd")
            .append("leadAgencyType", "LOCAL")
            .append("activeAgencies", List.of("apd"))
            .append("tallyPending", true));
    // report A reads version 1 (closed on the 9th) and stalls
    Document readByA = raw.find(Filters.eq("_id", "s1")).first();
    // the case is reopened (version 2); report B applies it in full
    raw.updateOne(
        Filters.eq("_id", "s1"),
        Updates.combine(
            Updates.set("version", 2L),
            Updates.unset("closedAt"),
            Updates.set("tallyPending", true)));
    assertThat(tallies.applyPending()).isEqualTo(1);
    // A resumes with what it read
    tallies.apply(readByA);
    tallies.applyPending();
    CaseTallies.Counts c = tallies.read(opened, closed.plusDays(30));
    assertThat(c.openedIn()).containsEntry("*", 1L);
    assertThat(c.closedIn().getOrDefault("*", 0L)).isZero();
    assertThat(c.closedIn().getOrDefault("@apd|*", 0L)).isZero();
    // and a crash repeat of the current version still counts it
    raw.updateOne(
        Filters.eq("_id", "s1"),
        Updates.combine(
            Updates.set("version", 3L),
            Updates.set("closedAt", Date.from(closed.atTime(12, 0).atZone(ZONE).toInstant())),
            Updates.set("tallyPending", true)));
    Document v3 = raw.find(Filters.eq("_id", "s1")).first();
    tallies.apply(v3);
    tallies.apply(v3);
    assertThat(tallies.read(opened, closed.plusDays(30)).closedIn()).containsEntry("*", 1L);
  }

  @Test
  void afterAnUpgrade_aReportAppliesABoundedNumberOfCases_andTheBackgroundTheRest() {
    for (int i = 0; i < 12; i++) {
      cases.insertIfAbsent(open("u" + i));
    }
    tallies.applyPending();
    // a new version of the tallies starts: every case is pending again (the backfill)
    database.getCollection("report_tallies").deleteOne(Filters.eq("_id", "~schema"));
    CaseTallies upgraded = new CaseTallies(database, ZONE, 5);
    upgraded.create(database);
    var raw = database.getCollection("cases");
    assertThat(raw.countDocuments(Filters.eq("tallyPending", true))).isEqualTo(12);
    LocalDate start = LocalDate.of(2025, 1, 1);
    LocalDate end = LocalDate.of(2026, 12, 31);
    assertThatThrownBy(() -> upgraded.read(start, end))
        .isInstanceOfSatisfying(
            TaskforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
              assertThat(e.reason()).isEqualTo("REPORT_TALLIES_CATCHING_UP");
            });
    // the request did its bounded share, no more
    assertThat(raw.countDocuments(Filters.eq("tallyPending", true))).isEqualTo(7);
    upgraded.upkeep(); // the background
    assertThat(raw.countDocuments(Filters.eq("tallyPending", true))).isZero();
    ReportPeriod period = new ReportPeriod(start, end, ZONE);
    assertThat(new MongoReportStore(database, upgraded).tallies(queries(), period, "apd"))
        .isEqualTo(bruteForce(period, "apd"));
  }

  private static Source source(String time, String end) {
    return new Source(
        "cases", "case", time, end, Source.Scope.CASE, Map.of(), List.of("number", "title"));
  }

  private static List<TallyQuery> queries() {
    List<TallyQuery> q = new ArrayList<>();
    for (Source s : List.of(OPENED, ACTIVE, CLOSED)) {
      String n = s.timeField() + "/" + s.endField();
      q.add(new TallyQuery(n + "|all", s, null, null, null));
      q.add(new TallyQuery(n + "|type", s, "type", null, null));
      q.add(new TallyQuery(n + "|lead", s, "leadAgencyId", null, null));
      q.add(new TallyQuery(n + "|leadType", s, "leadAgencyType", null, null));
    }
    return q;
  }

  /** The same counts straight from every case document, no buckets. */
  private Map<String, Map<String, Long>> bruteForce(ReportPeriod p, String agency) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (TallyQuery q : queries()) {
      out.put(q.name(), new HashMap<>());
    }
    Date from = Date.from(p.from());
    Date until = Date.from(p.until());
    for (Document d : database.getCollection("cases").find()) {
      if (agency != null && !d.getList("activeAgencies", String.class).contains(agency)) {
        continue;
      }
      Date created = d.getDate("createdAt");
      Date closed = d.getDate("closedAt");
      Map<Source, Boolean> in =
          Map.of(
              OPENED, !created.before(from) && created.before(until),
              CLOSED, closed != null && !closed.before(from) && closed.before(until),
              ACTIVE, created.before(until) && (closed == null || !closed.before(from)));
      for (TallyQuery q : queries()) {
        if (in.get(q.source())) {
          String key = q.groupBy() == null ? "" : d.getString(q.groupBy());
          out.get(q.name()).merge(key, 1L, Long::sum);
        }
      }
    }
    return out;
  }

  private JointCase open(String id) {
    Instant created = EPOCH.plus(Duration.ofMinutes(random.nextInt(600 * 24 * 60)));
    Stamp s = new Stamp("u", "someone", "nm-ago", created);
    int lead = random.nextInt(AGENCIES.length);
    List<Participant> ps = new ArrayList<>();
    ps.add(participant(lead, ParticipantRole.LEAD, ParticipantStatus.ACTIVE, s));
    ps.add(
        participant(
            (lead + 1) % AGENCIES.length, ParticipantRole.SUPPORTING, ParticipantStatus.ACTIVE, s));
    return new JointCase(
        id,
        "N-" + id,
        "Case " + id,
        CaseType.values()[random.nextInt(CaseType.values().length)],
        CaseStatus.ACTIVE,
        List.of("NM"),
        "",
        ps,
        null,
        s,
        s,
        1,
        List.of(),
        List.of());
  }

  /**
   * One random change: retype, close (on a random later day), reopen, an agency joins or leaves.
   */
  private JointCase change(JointCase c) {
    Instant at = c.updated().time().plus(Duration.ofHours(1 + random.nextInt(24 * 60)));
    Stamp s = new Stamp("u", "someone", "nm-ago", at);
    CaseType type = c.type();
    CaseStatus status = c.status();
    List<Participant> ps = new ArrayList<>(c.participants());
    List<CaseChange> history = new ArrayList<>(c.history());
    switch (random.nextInt(4)) {
      case 0 -> type = CaseType.values()[random.nextInt(CaseType.values().length)];
      case 1 -> {
        status = status == CaseStatus.CLOSED ? CaseStatus.ACTIVE : CaseStatus.CLOSED;
        history.add(
            new CaseChange(
                "h" + random.nextLong(),
                c.version() + 1,
                "CASE_STATUS_CHANGED",
                status.name(),
                "",
                s));
      }
      case 2 -> {
        int a = random.nextInt(AGENCIES.length);
        ps.removeIf(p -> p.agencyId().equals(AGENCIES[a]) && p.role() != ParticipantRole.LEAD);
        if (ps.stream().noneMatch(p -> p.agencyId().equals(AGENCIES[a]))) {
          ps.add(
              participant(
                  a,
                  ParticipantRole.SUPPORTING,
                  random.nextBoolean() ? ParticipantStatus.ACTIVE : ParticipantStatus.REMOVED,
                  s));
        }
      }
      default -> {
        // the lead is handed over to another agency
        int a = random.nextInt(AGENCIES.length);
        ps.removeIf(p -> p.agencyId().equals(AGENCIES[a]));
        ps.replaceAll(p ->
            p.role() == ParticipantRole.LEAD
                ? participant(
                    index(p.agencyId()), ParticipantRole.SUPPORTING, ParticipantStatus.ACTIVE, s)
                : p);
        ps.add(participant(a, ParticipantRole.LEAD, ParticipantStatus.ACTIVE, s));
      }
    }
    return new JointCase(
        c.id(),
        c.number(),
        c.title(),
        type,
        status,
        c.jurisdictions(),
        c.summary(),
        ps,
        c.reviewDate(),
        c.created(),
        s,
        c.version() + 1,
        history,
        List.of());
  }

  private static int index(String agency) {
    return List.of(AGENCIES).indexOf(agency);
  }

  private static Participant participant(
      int a, ParticipantRole role, ParticipantStatus status, Stamp when) {
    return new Participant(
        AGENCIES[a], AGENCIES[a], TYPES[a], role, status, Contact.NONE, when, when);
  }
}
