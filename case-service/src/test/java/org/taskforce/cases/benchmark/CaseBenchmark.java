package org.taskforce.cases.benchmark;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import org.springframework.context.ConfigurableApplicationContext;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.cases.CaseServiceApplication;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.testing.Benchmarks;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * GetCase and ListCases latency over the real gRPC API (token check, authorisation, audit of every
 * read, storage) with {@code bench.cases} cases of a task force of eight agencies; the caller's
 * agency (HSI) is on about a third of them.
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl case-service exec:java@case-benchmark [-Dbench.cases=100000 -Dbench.rate=200
 *     -Dbench.seconds=20 -Dbench.mongodbUri=mongodb://...]
 * </pre>
 */
public final class CaseBenchmark {
  static final String[] AGENCIES = {
    "nm-ago", "usao-nm", "fbi-abq", "hsi-abq", "apd", "bcso", "nnpd", "nm-crisis-center"
  };
  static final String[] TYPES = {
    "STATE", "FEDERAL", "FEDERAL", "FEDERAL", "LOCAL", "LOCAL", "TRIBAL", "SERVICE_PROVIDER"
  };

  public static void main(String[] args) throws Exception {
    int count = Integer.getInteger("bench.cases", 100_000);
    int rate = Integer.getInteger("bench.rate", 200);
    int seconds = Integer.getInteger("bench.seconds", 20);
    String mongoUri = Benchmarks.mongoUri("6g", CaseBenchmark.class);
    System.out.printf(Locale.ROOT, "case benchmark: %,d cases%n", count);
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      ConfigurableApplicationContext app =
          Benchmarks.startService(CaseServiceApplication.class, realm, mongoUri);
      try {
        MongoCaseStore store = app.getBean(MongoCaseStore.class);
        long started = System.nanoTime();
        List<String> hsiCases = load(store, count);
        System.out.printf(
            Locale.ROOT,
            "loaded %,d cases in %.0f s; hsi-abq is on %,d%n",
            count,
            (System.nanoTime() - started) / 1e9,
            hsiCases.size());

        ManagedChannel channel = Benchmarks.channel(app);
        var stub =
            Benchmarks.authorised(
                CaseServiceGrpc.newBlockingStub(channel),
                realm.user("bench", "hsi-abq", "FEDERAL", "investigator"));
        Random random = new Random(11);
        IntConsumer get =
            i ->
                stub.getCase(
                    GetCaseRequest.newBuilder()
                        .setCaseId(hsiCases.get(random.nextInt(hsiCases.size())))
                        .build());

        for (int i = 0; i < Integer.getInteger("bench.warmup", 20_000); i++) {
          get.accept(i);
        }
        Benchmarks.report("GetCase (gRPC, one at a time)", Benchmarks.serial(get, 5_000));
        Benchmarks.report("GetCase (gRPC, " + rate + "/s)", Benchmarks.atRate(get, rate, seconds));

        IntConsumer list =
            i -> stub.listCases(ListCasesRequest.newBuilder().setPageSize(50).build());
        IntConsumer search =
            i ->
                stub.listCases(
                    ListCasesRequest.newBuilder()
                        .setPageSize(50)
                        .setTitleContains("motel " + random.nextInt(1000))
                        .build());
        Benchmarks.serial(list, 50);
        Benchmarks.report(
            "ListCases, first page of 50 (gRPC, one at a time)", Benchmarks.serial(list, 200));
        Benchmarks.report(
            "ListCases, title search (gRPC, one at a time)", Benchmarks.serial(search, 100));
        Benchmarks.printMongoResident();
        channel.shutdownNow();
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  /** Cases led by each agency in turn, each with one to three other participants. */
  static List<String> load(MongoCaseStore store, int count) {
    Random random = new Random(42);
    List<String> hsiCases = new ArrayList<>();
    List<JointCase> batch = new ArrayList<>();
    Instant t0 = Instant.now().minus(Duration.ofDays(3 * 365));
    for (int i = 0; i < count; i++) {
      int lead = random.nextInt(AGENCIES.length - 1);
      Instant created = t0.plusSeconds(i * 900L);
      Stamp stamp = new Stamp("u-" + lead, "Investigator " + lead, AGENCIES[lead], created);
      List<Participant> participants = new ArrayList<>();
      participants.add(participant(lead, ParticipantRole.LEAD, stamp));
      int others = 1 + random.nextInt(3);
      for (int k = 0; k < others; k++) {
        int a = random.nextInt(AGENCIES.length);
        if (a == lead || participants.stream().anyMatch(p -> p.agencyId().equals(AGENCIES[a]))) {
          continue;
        }
        participants.add(
            participant(
                a, a == 7 ? ParticipantRole.VICTIM_SERVICES : ParticipantRole.SUPPORTING, stamp));
      }
      String id = String.format(Locale.ROOT, "c%024x", i);
      JointCase c =
          new JointCase(
              id,
              String.format(Locale.ROOT, "NMHTTF-%d-%05d", 2024 + i / 40_000, i % 40_000 + 1),
              "Operation " + i + " (motel " + random.nextInt(1000) + ")",
              CaseType.values()[random.nextInt(CaseType.values().length)],
              CaseStatus.values()[random.nextInt(CaseStatus.values().length)],
              List.of("NM"),
              "Synthetic case for the benchmark.",
              participants,
              LocalDate.of(2027, 1, 1),
              stamp,
              stamp,
              1,
              List.of(),
              List.of());
      if (c.memberAgencies().contains("hsi-abq")) {
        hsiCases.add(id);
      }
      batch.add(c);
      if (batch.size() == 1000) {
        store.importAll(batch);
        batch.clear();
      }
    }
    store.importAll(batch);
    return hsiCases;
  }

  static Participant participant(int agency, ParticipantRole role, Stamp stamp) {
    return new Participant(
        AGENCIES[agency],
        AGENCIES[agency],
        TYPES[agency],
        role,
        ParticipantStatus.ACTIVE,
        new Contact("POC " + agency, "", "+15055550100", ""),
        stamp,
        stamp);
  }
}
