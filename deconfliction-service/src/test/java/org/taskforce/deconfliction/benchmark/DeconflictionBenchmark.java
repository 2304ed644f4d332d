package org.taskforce.deconfliction.benchmark;

import com.mongodb.client.MongoDatabase;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.EventType;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.deconfliction.DeconflictionServiceApplication;
import org.taskforce.deconfliction.adapter.grpc.ProtoMapping;
import org.taskforce.deconfliction.adapter.grpc.SelectorMapping;
import org.taskforce.deconfliction.adapter.mongo.MongoBulkImport;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.evaluation.SyntheticPersons;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.mongo.RecordTallies;
import org.taskforce.platform.mongo.TallyUpkeep;
import org.taskforce.platform.testing.Benchmarks;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Check-before-acting latency and registration throughput over the real gRPC API and storage, with
 * a preloaded data set of {@code bench.persons} registered persons (each with a phone, an e-mail
 * address, a plate and a VIN: four other selectors per person) and {@code bench.events} planned
 * operations, loaded through the bulk path ({@link MongoBulkImport}).
 *
 * <p>Run (the embedded MongoDB runs in a process of its own; at full size its data fill the 18 GB
 * heap a 24 GiB machine can give it, with string deduplication; see the README). Latencies are also
 * printed per kind of ask: a name without a date of birth brings many more hits.
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl deconfliction-service exec:java@deconfliction-benchmark \
 *     [-Dbench.persons=1000000 -Dbench.events=1000000 -Dbench.rate=200 -Dbench.seconds=30
 *      -Dbench.dbHeap=18g -Dbench.dbJvmArgs=-XX:+UseStringDeduplication]
 * </pre>
 */
public final class DeconflictionBenchmark {
  private static final Instant NOW = Instant.now();

  public static void main(String[] args) throws Exception {
    int persons = Integer.getInteger("bench.persons", 1_000_000);
    int events = Integer.getInteger("bench.events", 1_000_000);
    int rate = Integer.getInteger("bench.rate", 200);
    int seconds = Integer.getInteger("bench.seconds", 30);
    int registrationSeconds = Integer.getInteger("bench.registrationSeconds", 20);
    System.out.printf(
        Locale.ROOT,
        "deconfliction benchmark: %,d persons, %,d other selectors, %,d events; checks at %d/s for %d s%n",
        persons,
        4L * persons,
        events,
        rate,
        seconds);

    // MongoDB runs in its own JVM, as in a deployment: its heap and garbage collections are not
    // the service's. -Dbench.dbHeap sizes it (about 2.6 GB per 100,000 persons and events, 1.7 GB
    // with string deduplication).
    // -Dbench.mongodbUri: a real MongoDB (its database "deconfliction" is filled and used).
    String mongoUri = Benchmarks.mongoUri("18g", DeconflictionBenchmark.class);
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      ConfigurableApplicationContext app =
          Benchmarks.startService(
              DeconflictionServiceApplication.class,
              realm,
              mongoUri,
              "--taskforce.deconfliction.retention.enabled=false");
      try {
        MongoDatabase database = app.getBean(MongoDatabase.class);
        Matcher matcher = app.getBean(Matcher.class);
        Dataset data = new Dataset(persons, 42);
        long loadStarted = System.nanoTime();
        // the bulk preload marks the report's operation counts stale: rebuilt once after it, as a
        // migration would, not over and over in the background while it loads
        TallyUpkeep recordUpkeep = app.getBean("recordTallyUpkeep", TallyUpkeep.class);
        recordUpkeep.stop();
        data.load(new MongoBulkImport(database, matcher), events);
        app.getBean(RecordTallies.class).rebuild();
        recordUpkeep.start();
        System.out.printf(
            Locale.ROOT,
            "preloaded through the bulk path in %.0f s (match_index: %,d keys)%n",
            (System.nanoTime() - loadStarted) / 1e9,
            database.getCollection("match_index").estimatedDocumentCount());
        System.gc();
        System.out.printf(
            Locale.ROOT,
            "heap after load and GC: %,d MiB%n",
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        collectionSizes(database);

        ManagedChannel channel = Benchmarks.channel(app);
        var stub =
            Benchmarks.withBearer(
                DeconflictionServiceGrpc.newBlockingStub(channel),
                realm
                    .user("bench", "hsi-abq", "FEDERAL", "investigator")
                    .claim("exp", NOW.plus(Duration.ofHours(12)))
                    .mint());

        // Warm up the JIT with a burst of the same mix (closed loop), then measure at a fixed
        // rate with latency counted from the intended send time, so that a stall is not hidden
        // by sending later.
        warmUp(stub, data, Integer.getInteger("bench.warmup", 20_000));
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        List<CheckBeforeActingRequest> serialAsks = asks(data, 5, 2_000);
        var before = Benchmarks.DatabaseTime.of(meters);
        var cpuBefore = Benchmarks.CpuTime.now();
        long[] commandTime = new long[serialAsks.size()];
        long[] serial = serialChecks(stub, serialAsks, meters, commandTime);
        Benchmarks.report("check-before-acting (gRPC, one at a time)", serial);
        Benchmarks.DatabaseTime.of(meters).reportSince("  of which", before, serial);
        Benchmarks.CpuTime.now().reportSince("  processor time", cpuBefore, serial.length);
        reportByKind(serialAsks, serial);
        reportSplit(serialAsks, serial, commandTime);
        List<CheckBeforeActingRequest> ratedAsks = asks(data, 7, rate * seconds);
        before = Benchmarks.DatabaseTime.of(meters);
        cpuBefore = Benchmarks.CpuTime.now();
        long[] latencies =
            Benchmarks.atRate(i -> stub.checkBeforeActing(ratedAsks.get(i)), rate, seconds);
        Benchmarks.report("check-before-acting (gRPC, " + rate + "/s)", latencies);
        Benchmarks.DatabaseTime.of(meters).reportSince("  of which", before, latencies);
        Benchmarks.CpuTime.now().reportSince("  processor time", cpuBefore, latencies.length);
        reportByKind(ratedAsks, latencies);
        hitsOfNamesWithoutBirthDate(stub, serialAsks);

        cpuBefore = Benchmarks.CpuTime.now();
        double perSecond = registrations(stub, data, registrationSeconds);
        var cpuAfter = Benchmarks.CpuTime.now();
        System.out.printf(
            Locale.ROOT,
            "registration: %.0f selectors/s (%.0f registrations/s of 5 selectors, 4 concurrent clients, %d s)%n",
            perSecond,
            perSecond / 5,
            registrationSeconds);
        cpuAfter.reportSince(
            "  processor time",
            cpuBefore,
            (int) Math.max(1, Math.round(perSecond / 5 * registrationSeconds)));
        Benchmarks.printMongoResident();
        channel.shutdownNow();
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  /** Documents and data size of each collection, as the database reports them (collStats). */
  private static void collectionSizes(MongoDatabase database) {
    for (String name : database.listCollectionNames()) {
      org.bson.Document stats = database.runCommand(new org.bson.Document("collStats", name));
      System.out.printf(
          Locale.ROOT,
          "  collection %-22s %,12d documents %,10.1f MB data (%,.0f bytes each)%n",
          name,
          stats.get("count") instanceof Number c ? c.longValue() : -1,
          (stats.get("size") instanceof Number b ? b.doubleValue() : -1) / 1e6,
          stats.get("avgObjSize") instanceof Number n ? n.doubleValue() : 0.0);
    }
  }

  private static void warmUp(
      DeconflictionServiceGrpc.DeconflictionServiceBlockingStub stub, Dataset data, int checks)
      throws InterruptedException {
    Random random = new Random(3);
    List<CheckBeforeActingRequest> asks = new ArrayList<>();
    for (int i = 0; i < checks; i++) {
      asks.add(data.ask(random));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    asks.forEach(a -> pool.execute(() -> stub.checkBeforeActing(a)));
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
  }

  private static List<CheckBeforeActingRequest> asks(Dataset data, long seed, int count) {
    Random random = new Random(seed);
    List<CheckBeforeActingRequest> asks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      asks.add(data.ask(random));
    }
    return asks;
  }

  /**
   * Checks one after another; {@code database} gets each check's time in database commands (the
   * driver's command timer read before and after it: one at a time, a check's commands are the only
   * ones but for the background's rounds every few seconds).
   */
  private static long[] serialChecks(
      DeconflictionServiceGrpc.DeconflictionServiceBlockingStub stub,
      List<CheckBeforeActingRequest> asks,
      MeterRegistry meters,
      long[] database) {
    long[] latencies = new long[asks.size()];
    for (int i = 0; i < latencies.length; i++) {
      long databaseBefore = Benchmarks.DatabaseTime.of(meters).totalNanos();
      long started = System.nanoTime();
      stub.checkBeforeActing(asks.get(i));
      latencies[i] = System.nanoTime() - started;
      database[i] = Benchmarks.DatabaseTime.of(meters).totalNanos() - databaseBefore;
    }
    return latencies;
  }

  /**
   * Each check one at a time split in two: its database commands, and the rest (the service's own
   * work, gRPC and the client in this JVM). The rest is what a real MongoDB leaves unchanged.
   */
  private static void reportSplit(
      List<CheckBeforeActingRequest> asks, long[] latencies, long[] database) {
    long[] rest = new long[latencies.length];
    int overlapped = 0;
    for (int i = 0; i < rest.length; i++) {
      rest[i] = Math.max(0, latencies[i] - database[i]);
      // a background round's command (every few seconds) counted into a check's time
      overlapped += latencies[i] < database[i] ? 1 : 0;
    }
    Benchmarks.report("  per check, its database commands", database);
    Benchmarks.report("  per check, the rest (service, gRPC, client)", rest);
    System.out.printf(
        Locale.ROOT,
        "    (%d checks with more database time than latency: a background command overlapped)%n",
        overlapped);
    reportByKind(asks, rest);
  }

  /** What an ask of the mix is, for latencies per kind (see {@link Dataset#ask}). */
  static String kind(CheckBeforeActingRequest ask) {
    if (ask.hasPlannedEvent()) {
      return "unknown person + planned operation";
    }
    if (ask.getSelectors(1).getPhone().getNumber().startsWith("480")) {
      return "unknown person";
    }
    return ask.getSelectors(0).getPerson().hasDateOfBirth()
        ? "registered person, with date of birth"
        : "registered person, name only (no date of birth)";
  }

  private static void reportByKind(List<CheckBeforeActingRequest> asks, long[] latencies) {
    Map<String, List<Long>> byKind = new TreeMap<>();
    for (int i = 0; i < latencies.length; i++) {
      byKind.computeIfAbsent(kind(asks.get(i)), k -> new ArrayList<>()).add(latencies[i]);
    }
    byKind.forEach(
        (k, l) -> Benchmarks.report("    " + k, l.stream().mapToLong(Long::longValue).toArray()));
  }

  /** How many hits a name asked without a date of birth brings at this registry size. */
  private static void hitsOfNamesWithoutBirthDate(
      DeconflictionServiceGrpc.DeconflictionServiceBlockingStub stub,
      List<CheckBeforeActingRequest> asks) {
    List<Integer> hits = new ArrayList<>();
    for (CheckBeforeActingRequest ask : asks) {
      if (kind(ask).contains("name only")) {
        hits.add(stub.checkBeforeActing(ask).getHitsCount());
      }
    }
    hits.sort(null);
    if (!hits.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "    hits per name-only ask: n=%d median %d, p90 %d, max %d%n",
          hits.size(),
          hits.get(hits.size() / 2),
          hits.get(hits.size() * 9 / 10),
          hits.getLast());
    }
  }

  private static double registrations(
      DeconflictionServiceGrpc.DeconflictionServiceBlockingStub stub, Dataset data, int seconds)
      throws InterruptedException {
    AtomicLong selectors = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService clients = Executors.newFixedThreadPool(4);
    long started = System.nanoTime();
    for (int c = 0; c < 4; c++) {
      clients.execute(() -> {
        while (System.nanoTime() < deadline) {
          TargetRegistration r = data.newRegistration(next.getAndIncrement());
          stub.createTargetRegistration(
              CreateTargetRegistrationRequest.newBuilder().setRegistration(r).build());
          selectors.addAndGet(r.getSelectorsCount());
        }
      });
    }
    clients.shutdown();
    clients.awaitTermination(seconds + 60, TimeUnit.SECONDS);
    return selectors.get() / ((System.nanoTime() - started) / 1e9);
  }

  /** The synthetic task force registry and the asks made against it. */
  static final class Dataset {
    private final List<TargetSelector.Person> persons;
    private final SyntheticPersons generator;
    private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
    private static final String[] AGENCIES = {
      "apd", "bcso", "fbi-abq", "nnpd", "nm-ago", "usao-nm"
    };

    Dataset(int count, long seed) {
      generator = new SyntheticPersons(seed);
      persons = generator.persons(count);
    }

    TargetSelector.Person person(int i) {
      return persons.get(i);
    }

    static String phone(int i) {
      return String.format(
          "(%s) %03d-%04d", i % 2 == 0 ? "505" : "575", 200 + (i / 10_000) % 800, i % 10_000);
    }

    static String vin(int i) {
      String body = String.format("1FT%05dX%08d", i % 100_000, i).replace('X', '0');
      // 17 characters: WMI + serial; fix the check digit at position 9.
      StringBuilder b = new StringBuilder(body.substring(0, 17));
      for (char check : "0123456789X".toCharArray()) {
        b.setCharAt(8, check);
        if (Check.VIN.valid(b.toString())) {
          return b.toString();
        }
      }
      throw new IllegalStateException();
    }

    void load(MongoBulkImport bulk, int eventCount) {
      Stamp stamp = new Stamp("bulk", "bulk import", "", NOW);
      List<org.taskforce.deconfliction.domain.TargetRegistration> batch = new ArrayList<>();
      for (int i = 0; i < persons.size(); i++) {
        String agency = AGENCIES[i % AGENCIES.length];
        List<NormalizedSelector> selectors = new ArrayList<>();
        for (TargetSelector s : selectors(i)) {
          selectors.add(normalizer.normalize(s, "s", new Violations()).orElseThrow());
        }
        batch.add(
            new org.taskforce.deconfliction.domain.TargetRegistration(
                "t-bulk-" + i,
                new Agency(agency, agency, "LOCAL"),
                selectors,
                new Contact("Det. " + i, "", "+15055550100", ""),
                "",
                Disclosure.OPEN,
                NOW.plus(Duration.ofDays(180)),
                RegistrationStatus.ACTIVE,
                stamp,
                stamp,
                1,
                "",
                ""));
        if (batch.size() == 10_000) {
          bulk.importTargets(batch);
          batch.clear();
          if ((i + 1) % 100_000 == 0) {
            System.out.printf(Locale.ROOT, "  %,d persons loaded%n", i + 1);
          }
        }
      }
      bulk.importTargets(batch);
      Random random = new Random(99);
      List<org.taskforce.deconfliction.domain.EventRegistration> events = new ArrayList<>();
      for (int i = 0; i < eventCount; i++) {
        String agency = AGENCIES[i % AGENCIES.length];
        events.add(
            new org.taskforce.deconfliction.domain.EventRegistration(
                "e-bulk-" + i,
                new Agency(agency, agency, "LOCAL"),
                org.taskforce.deconfliction.domain.EventType.SURVEILLANCE,
                plan(random),
                null,
                new Contact("Sgt. " + i, "", "+15055550100", ""),
                List.of(),
                "",
                Disclosure.OPEN,
                RegistrationStatus.ACTIVE,
                stamp,
                stamp,
                1,
                ""));
        if (events.size() == 10_000) {
          bulk.importEvents(events);
          events.clear();
          if ((i + 1) % 250_000 == 0) {
            System.out.printf(Locale.ROOT, "  %,d events loaded%n", i + 1);
          }
        }
      }
      bulk.importEvents(events);
    }

    /** New Mexico, the coming year: a place, a radius of 50 m to 1 km, one to eight hours. */
    static EventPlan plan(Random random) {
      double lat = 32.0 + random.nextDouble() * 5;
      double lon = -109.0 + random.nextDouble() * 6;
      Instant start = NOW.plus(Duration.ofMinutes(60 + random.nextInt(365 * 24 * 60)));
      return new EventPlan(
          lat,
          lon,
          50 + random.nextDouble() * 950,
          start,
          start.plus(Duration.ofMinutes(60 + random.nextInt(7 * 60))));
    }

    List<TargetSelector> selectors(int i) {
      List<TargetSelector> s = new ArrayList<>();
      s.add(persons.get(i));
      s.add(new TargetSelector.Phone(phone(i), ""));
      s.add(new TargetSelector.Email("target" + i + "@example.org"));
      s.add(
          new TargetSelector.VehiclePlate(
              Integer.toString(i, 36).toUpperCase(Locale.ROOT) + "NM", "NM"));
      s.add(new TargetSelector.VehicleVin(vin(i)));
      return s;
    }

    /** 50 %: a variant of a registered person with their phone; 30 %: unknown; 20 %: an event. */
    CheckBeforeActingRequest ask(Random random) {
      CheckBeforeActingRequest.Builder b =
          CheckBeforeActingRequest.newBuilder().setPurpose("benchmark");
      double kind = random.nextDouble();
      if (kind < 0.5) {
        int i = random.nextInt(persons.size());
        b.addSelectors(SelectorMapping.selector(generator.variant(persons.get(i)).person()));
        b.addSelectors(
            SelectorMapping.selector(
                new TargetSelector.Phone(phone(i).replaceAll("[^0-9]", ""), "")));
      } else {
        TargetSelector.Person p = generator.persons(1).getFirst();
        b.addSelectors(SelectorMapping.selector(p));
        b.addSelectors(
            SelectorMapping.selector(
                new TargetSelector.Phone("480" + (2_000_000 + random.nextInt(7_000_000)), "")));
        if (kind > 0.8) {
          EventPlan plan = plan(random);
          b.setPlannedEvent(
              EventRegistration.newBuilder()
                  .setEventType(EventType.EVENT_TYPE_ARREST)
                  .setLocation(
                      GeoPoint.newBuilder()
                          .setLatitude(plan.latitude())
                          .setLongitude(plan.longitude()))
                  .setRadiusMeters(plan.radiusMeters())
                  .setTimeWindow(
                      TimeWindow.newBuilder()
                          .setStartTime(ProtoMapping.timestamp(plan.start()))
                          .setEndTime(ProtoMapping.timestamp(plan.end()))));
        }
      }
      return b.build();
    }

    TargetRegistration newRegistration(int n) {
      int i = 50_000_000 + n;
      TargetSelector.Person p = generator.persons(1).getFirst();
      TargetRegistration.Builder b =
          TargetRegistration.newBuilder()
              .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
              .setPointOfContact(
                  PointOfContact.newBuilder().setDisplayName("SA Bench").setPhone("+15055550100"));
      b.addSelectors(SelectorMapping.selector(p));
      b.addSelectors(
          SelectorMapping.selector(
              new TargetSelector.Phone("+1 480 " + (2_000_000 + n % 7_000_000), "")));
      b.addSelectors(
          SelectorMapping.selector(new TargetSelector.Email("new" + i + "@example.org")));
      b.addSelectors(
          SelectorMapping.selector(
              new TargetSelector.VehiclePlate(
                  Integer.toString(i, 36).toUpperCase(Locale.ROOT), "AZ")));
      b.addSelectors(SelectorMapping.selector(new TargetSelector.VehicleVin(vin(i))));
      return b.build();
    }
  }

  /** VIN validity through the production normaliser. */
  enum Check {
    VIN;

    private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());

    boolean valid(String vin) {
      return normalizer
          .normalize(new TargetSelector.VehicleVin(vin), "v", new Violations())
          .isPresent();
    }
  }
}
