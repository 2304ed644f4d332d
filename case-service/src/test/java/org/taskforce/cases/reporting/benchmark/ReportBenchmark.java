package org.taskforce.cases.reporting.benchmark;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.taskforce.api.reporting.v1.CaseReportingServiceGrpc;
import org.taskforce.api.reporting.v1.GetCaseReportRequest;
import org.taskforce.cases.CaseServiceApplication;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.adapter.mongo.MongoVictimStore;
import org.taskforce.cases.application.PersonKeys;
import org.taskforce.cases.domain.CaseChange;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Citizenship;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Victim;
import org.taskforce.cases.domain.VictimIdentification;
import org.taskforce.cases.reporting.adapter.mongo.CaseTallies;
import org.taskforce.cases.reporting.adapter.mongo.MongoOutcomeStore;
import org.taskforce.cases.reporting.adapter.mongo.MongoTrainingStore;
import org.taskforce.cases.reporting.domain.ChargeCategory;
import org.taskforce.cases.reporting.domain.OutcomeKind;
import org.taskforce.cases.reporting.domain.SubjectOutcome;
import org.taskforce.cases.reporting.domain.TrainingAudience;
import org.taskforce.cases.reporting.domain.TrainingSession;
import org.taskforce.platform.reporting.ReportProtos;
import org.taskforce.platform.testing.Benchmarks;
import org.taskforce.platform.testing.KeycloakTestRealm;
import org.taskforce.platform.testing.ReportBenchmarkStack;

/**
 * GetCaseReport over the real gRPC API (token check, access, aggregation pipelines, audit) for a
 * year of a task force with {@code bench.cases} cases (spread over five years), {@code
 * bench.victims} victim records (a tenth of them a second record of someone already recorded),
 * {@code bench.outcomes} outcomes and 2,000 training sessions.
 *
 * <pre>
 * ./mvnw -q -pl case-service -am test-compile   (or the classpath run in the README)
 * ./mvnw -q -pl case-service exec:java@report-benchmark [-Dbench.cases=100000
 *     -Dbench.victims=20000 -Dbench.outcomes=20000 -Dbench.mongodbUri=mongodb://...]
 * </pre>
 */
public final class ReportBenchmark {
  static final String[] AGENCIES = {
    "nm-ago", "usao-nm", "fbi-abq", "hsi-abq", "apd", "bcso", "nnpd"
  };
  static final String[] TYPES = {
    "STATE", "FEDERAL", "FEDERAL", "FEDERAL", "LOCAL", "LOCAL", "TRIBAL"
  };
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final Instant EPOCH = LocalDate.of(2022, 1, 1).atStartOfDay(ZONE).toInstant();

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("bench.cases", 100_000);
    int victims = Integer.getInteger("bench.victims", 20_000);
    int outcomes = Integer.getInteger("bench.outcomes", 20_000);
    String mongoUri = Benchmarks.mongoUri("4g", ReportBenchmark.class);
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      ConfigurableApplicationContext app =
          ReportBenchmarkStack.start(
              CaseServiceApplication.class,
              realm,
              mongoUri,
              "--taskforce.intake.reporter-key=q3Vb1cJ5o0m8l9R2n6Zt4wYx7AaBcDdEeFfGgHhIiJk=",
              "--taskforce.cases.sweep.interval=0",
              // the load is a bulk import: the tallies are rebuilt once after it, not meanwhile
              "--taskforce.cases.reporting.tally-interval=0");
      try {
        long started = System.nanoTime();
        Random random = new Random(23);
        load(app, random, cases, victims, outcomes);
        System.out.printf(
            Locale.ROOT,
            "report benchmark: loaded %,d cases, %,d victim records, %,d outcomes in %.0f s%n",
            cases,
            victims,
            outcomes,
            (System.nanoTime() - started) / 1e9);
        long rebuilt = System.nanoTime();
        app.getBean(CaseTallies.class).rebuild();
        System.out.printf(
            Locale.ROOT,
            "report benchmark: case day tallies rebuilt from the cases in %.1f s%n",
            (System.nanoTime() - rebuilt) / 1e9);
        ManagedChannel channel = ReportBenchmarkStack.channel(app, 16 << 20);
        GetCaseReportRequest year =
            GetCaseReportRequest.newBuilder()
                .setStartDate(ReportProtos.date(LocalDate.of(2025, 1, 1)))
                .setEndDate(ReportProtos.date(LocalDate.of(2025, 12, 31)))
                .build();
        int[] rows = {0};
        ReportBenchmarkStack.timeForEachReader(
            realm,
            CaseReportingServiceGrpc.newBlockingStub(channel),
            stub -> rows[0] = stub.getCaseReport(year).getReport().getMeasuresCount(),
            who ->
                ms ->
                    System.out.printf(
                        Locale.ROOT,
                        "GetCaseReport for a year, %s: %d numbers, %s%n",
                        who.label(),
                        rows[0],
                        ReportBenchmarkStack.medianAndMax(ms)));
        channel.shutdownNow();
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  private static void load(
      ConfigurableApplicationContext app, Random random, int cases, int victims, int outcomes) {
    MongoCaseStore caseStore = app.getBean(MongoCaseStore.class);
    List<JointCase> batch = new ArrayList<>();
    List<CaseType> types = List.of(CaseType.values());
    for (int i = 0; i < cases; i++) {
      int lead = random.nextInt(AGENCIES.length);
      int other = (lead + 1 + random.nextInt(AGENCIES.length - 1)) % AGENCIES.length;
      Instant created = EPOCH.plus(Duration.ofMinutes(random.nextInt(5 * 365 * 24 * 60)));
      boolean closed = random.nextInt(3) == 0;
      Instant closedAt = created.plus(Duration.ofDays(30 + random.nextInt(400)));
      Stamp c = new Stamp("u", "someone", AGENCIES[lead], created);
      Stamp x = new Stamp("u", "someone", AGENCIES[lead], closedAt);
      batch.add(
          new JointCase(
              "case-" + i,
              "NMHTTF-" + i,
              "Case " + i,
              types.get(random.nextInt(types.size())),
              closed ? CaseStatus.CLOSED : CaseStatus.ACTIVE,
              List.of("NM"),
              "",
              List.of(
                  participant(AGENCIES[lead], TYPES[lead], ParticipantRole.LEAD, c),
                  participant(AGENCIES[other], TYPES[other], ParticipantRole.SUPPORTING, c)),
              null,
              c,
              closed ? x : c,
              closed ? 2 : 1,
              closed
                  ? List.of(new CaseChange("h" + i, 2, "CASE_STATUS_CHANGED", "closed", "", x))
                  : List.of(),
              List.of()));
      if (batch.size() == 1_000) {
        caseStore.importAll(batch);
        batch.clear();
      }
    }
    caseStore.importAll(batch);
    MongoVictimStore victimStore = app.getBean(MongoVictimStore.class);
    PersonKeys keys = app.getBean(PersonKeys.class);
    String[] services = {"shelter", "legal", "medical", "interpreter", "case management"};
    for (int i = 0; i < victims; i++) {
      int person = i < victims * 9 / 10 ? i : random.nextInt(victims * 9 / 10);
      String caseId = "case-" + random.nextInt(cases);
      LocalDate dob = LocalDate.of(1970, 1, 1).plusDays(person % 15_000);
      Instant created = EPOCH.plus(Duration.ofMinutes(random.nextInt(5 * 365 * 24 * 60)));
      Stamp s = new Stamp("u", "advocate", "nm-crisis-center", created);
      victimStore.insertIfAbsent(
          new Victim(
              "v" + i,
              caseId,
              "Person " + person,
              dob,
              "es",
              random.nextInt(5) == 0,
              List.of(services[random.nextInt(services.length)]),
              false,
              s,
              s,
              1,
              random.nextBoolean()
                  ? VictimIdentification.CONFIRMED
                  : VictimIdentification.POTENTIAL,
              Citizenship.values()[random.nextInt(3)],
              keys.keyOf("Person " + person, dob)));
    }
    MongoOutcomeStore outcomeStore = app.getBean(MongoOutcomeStore.class);
    for (int i = 0; i < outcomes; i++) {
      OutcomeKind kind = OutcomeKind.values()[random.nextInt(5)];
      LocalDate day = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(5 * 365));
      outcomeStore.insertIfAbsent(
          new SubjectOutcome(
              "o" + i,
              "case-" + random.nextInt(cases),
              "s" + random.nextInt(outcomes / 2),
              kind,
              day,
              kind.needsStatute() ? "18 U.S.C. 1591" : "",
              kind.needsStatute() ? ChargeCategory.FEDERAL_TRAFFICKING : ChargeCategory.NONE,
              0,
              new Stamp("u", "someone", "usao-nm", day.atStartOfDay(ZONE).toInstant())));
    }
    MongoTrainingStore trainings = app.getBean(MongoTrainingStore.class);
    for (int i = 0; i < 2_000; i++) {
      LocalDate day = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(5 * 365));
      trainings.insertIfAbsent(
          new TrainingSession(
              "t" + i,
              "Session " + i,
              TrainingAudience.values()[random.nextInt(10)],
              day,
              5 + random.nextInt(100),
              AGENCIES[random.nextInt(AGENCIES.length)],
              new Stamp("u", "someone", "nm-ago", day.atStartOfDay(ZONE).toInstant())));
    }
  }

  private static Participant participant(
      String agency, String type, ParticipantRole role, Stamp when) {
    return new Participant(
        agency, agency, type, role, ParticipantStatus.ACTIVE, Contact.NONE, when, when);
  }
}
