package org.taskforce.deconfliction.reporting.benchmark;

import com.mongodb.client.MongoDatabase;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.taskforce.api.reporting.v1.DeconflictionReportingServiceGrpc;
import org.taskforce.api.reporting.v1.GetDeconflictionReportRequest;
import org.taskforce.deconfliction.DeconflictionServiceApplication;
import org.taskforce.deconfliction.adapter.mongo.MongoBulkImport;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTallies;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.mongo.RecordTallies;
import org.taskforce.platform.reporting.ReportProtos;
import org.taskforce.platform.testing.Benchmarks;
import org.taskforce.platform.testing.KeycloakTestRealm;
import org.taskforce.platform.testing.ReportBenchmarkStack;

/**
 * GetDeconflictionReport over the real gRPC API for a year, on {@code bench.records} deconfliction
 * records spread over five years: 60 % checks (audit entries), 20 % operations, 10 % conflicts, 10
 * % target registrations.
 *
 * <pre>
 * ./mvnw -q -pl deconfliction-service -am test-compile   (or the classpath run in the README)
 * ./mvnw -q -pl deconfliction-service exec:java@report-benchmark [-Dbench.records=1000000
 *     -Dbench.dbHeap=6g -Dbench.mongodbUri=mongodb://...]
 * </pre>
 */
public final class DeconflictionReportBenchmark {
  static final String[] AGENCIES = {
    "nm-ago", "usao-nm", "fbi-abq", "hsi-abq", "apd", "bcso", "nnpd"
  };
  static final Instant EPOCH =
      LocalDate.of(2022, 1, 1).atStartOfDay(ZoneId.of("America/Denver")).toInstant();
  static final int MINUTES = 5 * 365 * 24 * 60;

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("bench.records", 1_000_000);
    String mongoUri = Benchmarks.mongoUri("6g", DeconflictionReportBenchmark.class);
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      ConfigurableApplicationContext app =
          ReportBenchmarkStack.start(
              DeconflictionServiceApplication.class,
              realm,
              mongoUri,
              "--taskforce.deconfliction.retention.enabled=false",
              // the load is a bulk import: the counts are rebuilt once after it, not meanwhile
              "--taskforce.deconfliction.reporting.tally-interval=0");
      try {
        long started = System.nanoTime();
        load(app, new Random(31), records);
        System.out.printf(
            Locale.ROOT,
            "deconfliction report benchmark: loaded %,d records in %.0f s%n",
            records,
            (System.nanoTime() - started) / 1e9);
        long rebuilt = System.nanoTime();
        app.getBean(AuditTallies.class).rebuild();
        System.out.printf(
            Locale.ROOT,
            "deconfliction report benchmark: check day counts rebuilt from the trail in %.1f s%n",
            (System.nanoTime() - rebuilt) / 1e9);
        long recounted = System.nanoTime();
        app.getBean(RecordTallies.class).rebuild();
        System.out.printf(
            Locale.ROOT,
            "deconfliction report benchmark: conflict and operation day counts rebuilt from the"
                + " records in %.1f s%n",
            (System.nanoTime() - recounted) / 1e9);
        ManagedChannel channel = ReportBenchmarkStack.channel(app, 4 << 20);
        var year =
            GetDeconflictionReportRequest.newBuilder()
                .setStartDate(ReportProtos.date(LocalDate.of(2025, 1, 1)))
                .setEndDate(ReportProtos.date(LocalDate.of(2025, 12, 31)))
                .build();
        ReportBenchmarkStack.timeForEachReader(
            realm,
            DeconflictionReportingServiceGrpc.newBlockingStub(channel),
            stub -> stub.getDeconflictionReport(year),
            who ->
                ms ->
                    System.out.printf(
                        Locale.ROOT,
                        "GetDeconflictionReport for a year, %s: %s%n",
                        who.label(),
                        ReportBenchmarkStack.medianAndMax(ms)));
        profile(app, realm, channel, year);
        channel.shutdownNow();
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  /**
   * Where the task force's report spends its time: five more reports, with the database commands
   * they sent and their time (the driver's command timer) against the mean latency.
   */
  private static void profile(
      ConfigurableApplicationContext app,
      KeycloakTestRealm realm,
      ManagedChannel channel,
      GetDeconflictionReportRequest year) {
    var stub =
        ReportBenchmarkStack.as(
            realm,
            DeconflictionReportingServiceGrpc.newBlockingStub(channel),
            ReportBenchmarkStack.READERS.get(0));
    MeterRegistry meters = app.getBean(MeterRegistry.class);
    var before = Benchmarks.DatabaseTime.of(meters);
    long[] latencies = Benchmarks.serial(i -> stub.getDeconflictionReport(year), 5);
    Benchmarks.DatabaseTime.of(meters)
        .reportSince("GetDeconflictionReport for a year, task force, profiled", before, latencies);
  }

  private static Instant when(Random r) {
    return EPOCH.plus(Duration.ofMinutes(r.nextInt(MINUTES)));
  }

  private static Agency agency(Random r) {
    String id = AGENCIES[r.nextInt(AGENCIES.length)];
    return new Agency(id, id, "LOCAL");
  }

  private static void load(ConfigurableApplicationContext app, Random r, int records) {
    MongoDatabase database = app.getBean(MongoDatabase.class);
    AuditTrail audit = app.getBean(AuditTrail.class);
    MongoBulkImport bulk = new MongoBulkImport(database, app.getBean(Matcher.class));
    MongoConflictStore conflicts =
        new MongoConflictStore(database, app.getBean(DisclosurePolicy.class));
    List<AuditEntry> checks = new ArrayList<>();
    for (int i = 0; i < records * 6 / 10; i++) {
      Agency a = agency(r);
      checks.add(
          new AuditEntry(
              "a" + i,
              when(r),
              "u",
              "someone",
              a.id(),
              "",
              "check.before-acting",
              "checks/" + i,
              AuditEntry.Outcome.SUCCESS,
              "bench",
              "",
              Map.of()));
      if (checks.size() == 1_000) {
        audit.appendAll(checks);
        checks.clear();
      }
    }
    audit.appendAll(checks);
    List<EventRegistration> events = new ArrayList<>();
    for (int i = 0; i < records * 2 / 10; i++) {
      Agency a = agency(r);
      Instant created = when(r);
      Instant start = created.plus(Duration.ofMinutes(r.nextInt(4 * 24 * 60)));
      Stamp s = new Stamp("u", "someone", a.id(), created);
      events.add(
          new EventRegistration(
              "e" + i,
              a,
              EventType.values()[r.nextInt(6)],
              new EventPlan(
                  35 + r.nextDouble(),
                  -106 - r.nextDouble(),
                  200,
                  start,
                  start.plus(Duration.ofHours(3))),
              null,
              Contact.NONE,
              List.of(),
              "case",
              Disclosure.OPEN,
              RegistrationStatus.ACTIVE,
              s,
              s,
              1,
              ""));
      if (events.size() == 1_000) {
        bulk.importEvents(events);
        events.clear();
      }
    }
    bulk.importEvents(events);
    List<Conflict> batch = new ArrayList<>();
    for (int i = 0; i < records / 10; i++) {
      Agency a = agency(r);
      Agency b = agency(r);
      Instant created = when(r);
      Stamp ackA = new Stamp("u", "x", a.id(), created.plus(Duration.ofMinutes(r.nextInt(600))));
      Stamp ackB =
          r.nextBoolean()
              ? new Stamp("u", "x", b.id(), created.plus(Duration.ofMinutes(r.nextInt(900))))
              : null;
      batch.add(
          new Conflict(
              "c" + i,
              r.nextBoolean() ? Conflict.Kind.TARGET : Conflict.Kind.EVENT,
              Tier.MATCH,
              1.0,
              List.of("same phone"),
              ackB == null ? Conflict.Status.ACKNOWLEDGED : Conflict.Status.RESOLVED,
              List.of(
                  new Conflict.Side(a, "r" + i, Contact.NONE, Disclosure.OPEN, ackA),
                  new Conflict.Side(
                      b,
                      "q" + i,
                      Contact.NONE,
                      r.nextInt(10) == 0 ? Disclosure.RESTRICTED : Disclosure.OPEN,
                      ackB)),
              created.plus(Duration.ofDays(1)),
              null,
              "",
              null,
              created,
              r.nextInt(20) == 0,
              1));
      if (batch.size() == 1_000) {
        conflicts.importAll(batch);
        batch.clear();
      }
    }
    conflicts.importAll(batch);
    List<TargetRegistration> targets = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < records / 10; i++) {
      Agency a = agency(r);
      Instant created = now.minus(Duration.ofMinutes(r.nextInt(180 * 24 * 60)));
      Stamp s = new Stamp("u", "someone", a.id(), created);
      targets.add(
          new TargetRegistration(
              "t" + i,
              a,
              List.of(),
              Contact.NONE,
              "case",
              Disclosure.OPEN,
              created.plus(Duration.ofDays(180)),
              RegistrationStatus.ACTIVE,
              s,
              s,
              1,
              "",
              ""));
      if (targets.size() == 1_000) {
        bulk.importTargets(targets);
        targets.clear();
      }
    }
    bulk.importTargets(targets);
  }
}
