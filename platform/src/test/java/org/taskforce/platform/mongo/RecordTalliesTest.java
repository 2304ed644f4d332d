package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.testing.InMemoryMongo;
import org.taskforce.platform.testing.MutableClock;

/**
 * Counts of mutable records kept from intents: whatever the writers do — retries, crashes before or
 * after the write, deletes and re-creations under the same id, reports and the background settling
 * in between — the counts equal those computed from the records, a rebuild gives the same buckets,
 * and one intent that cannot be counted is parked without holding back the rest.
 */
class RecordTalliesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
  @RegisterExtension final InMemoryMongo mongo = new InMemoryMongo("record_tally_test");
  private MongoDatabase db;
  private MongoCollection<Document> things;
  private TallyIntents intents;
  private RecordTallies tallies;
  private long births; // a later record under an id that was deleted is created later

  /** A thing counts on its day by colour; its creation time orders incarnations under one id. */
  static class Things implements RecordTallies.Counting {
    @Override
    public String family() {
      return "things";
    }

    @Override
    public String collection() {
      return "things";
    }

    @Override
    public List<String> series() {
      return List.of("test.things");
    }

    @Override
    public long version(Document d) {
      return d.getLong("born") * 1_000 + d.getLong("version");
    }

    @Override
    public List<RecordTallies.Put> puts(Document d) {
      // a colour that is not a string (a record written by something else) cannot be counted
      String colour = d.getString("colour");
      return List.of(
          new RecordTallies.Put(
              "test.things", d.getString("day"), d.getString("_id"), List.of("*", "c|" + colour)));
    }
  }

  @BeforeEach
  void start() {
    db = mongo.db();
    things = db.getCollection("things");
    intents = new TallyIntents(db, "things", clock);
    tallies = tallies(1_000);
    tallies.create(db);
  }

  private RecordTallies tallies(int perRequest) {
    return new RecordTallies(
        db, List.of(new Things()), "things-1", clock, perRequest, new ParkedIntents(db, 3));
  }

  private static Document thing(String id, long born, long version, String day, String colour) {
    return new Document("_id", id)
        .append("born", born)
        .append("version", version)
        .append("day", day)
        .append("colour", colour);
  }

  /** What the records say: per day, per key. */
  private Map<String, Map<String, Long>> fromRecords() {
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (Document d : things.find()) {
      Map<String, Long> day = out.computeIfAbsent(d.getString("day"), k -> new HashMap<>());
      day.merge("*", 1L, Long::sum);
      day.merge("c|" + d.getString("colour"), 1L, Long::sum);
    }
    return out;
  }

  /** What the counts say (parts of a day summed, zero counts left out). */
  private Map<String, Map<String, Long>> fromCounts() {
    Map<String, Map<String, Long>> out = new HashMap<>();
    tallies.forEachSlot(
        "test.things",
        null,
        null,
        (day, counts) ->
            counts.forEach((k, n) -> {
              if (n != 0) {
                out.computeIfAbsent(day, x -> new HashMap<>()).merge(k, n, Long::sum);
              }
            }));
    out.values().removeIf(m -> m.values().stream().allMatch(n -> n == 0));
    return out;
  }

  @Test
  void randomWritesRetriesCrashesAndDeletes_countAsTheRecords() {
    Random r = new Random(11);
    String[] colours = {"red", "green", "blue"};
    String[] days = {"2026-08-01", "2026-08-02", "2026-08-03"};
    for (int i = 0; i < 400; i++) {
      String id = "t" + r.nextInt(40);
      Document now = things.find(eq("_id", id)).first();
      String colour = colours[r.nextInt(colours.length)];
      if (now == null) {
        Document d = thing(id, ++births, 1, days[r.nextInt(days.length)], colour);
        intents.intend(id, 1);
        switch (r.nextInt(4)) {
          case 0 -> {} // crashed before the insert: nothing was written
          case 1 -> {
            things.insertOne(d);
            intents.intend(id, 1); // a retry of the same insert
            MongoInserts.insertIfAbsent(things, d);
          }
          default -> things.insertOne(d);
        }
      } else if (r.nextInt(5) == 0) {
        intents.intendRemoval(now);
        if (r.nextInt(4) != 0) { // else: crashed before the delete
          things.deleteOne(and(eq("_id", id), eq("version", now.getLong("version"))));
        }
      } else {
        long v = now.getLong("version") + 1;
        Document d = new Document(now).append("version", v).append("colour", colour);
        intents.intend(id, v);
        if (r.nextInt(5) != 0) { // else: crashed before the write
          things.replaceOne(and(eq("_id", id), eq("version", v - 1)), d);
          if (r.nextBoolean()) { // a retry after a lost answer: refused, the version moved on
            intents.intend(id, v);
            things.replaceOne(and(eq("_id", id), eq("version", v - 1)), d);
          }
        }
      }
      if (r.nextInt(30) == 0) {
        clock.advance(Duration.ofMinutes(1));
      }
      switch (r.nextInt(25)) {
        case 0 -> tallies.upkeep();
        case 1 -> tallies.ready("things");
        default -> {}
      }
    }
    tallies.upkeep();
    assertThat(fromCounts()).isEqualTo(fromRecords());
    clock.advance(Duration.ofMinutes(11)); // crashed writers' intents expire
    tallies.upkeep();
    assertThat(fromCounts()).isEqualTo(fromRecords());
    assertThat(db.getCollection(TallyIntents.COLLECTION).countDocuments()).isZero();
    assertThat(new ParkedIntents(db).list()).isEmpty();

    Map<String, Map<String, Long>> incremental = fromCounts();
    tallies.rebuild();
    assertThat(fromCounts()).isEqualTo(incremental);
  }

  /**
   * Two replicas: A's batch starts (no rebuild running), B then claims a rebuild and scans a record
   * before its next state lands; A reads that state, counts it and finishes; B then loads what it
   * scanned over A's count. The intent A settled must survive for the state B missed.
   */
  @Test
  void aBatchRacingARebuild_keepsItsIntents_soTheRebuildsOlderScanIsCorrected() throws Exception {
    intents.intend("a", 1);
    things.insertOne(thing("a", ++births, 1, "2026-08-01", "red"));
    tallies.settle(100);
    intents.intend("a", 2); // the writer of the next state announces it
    tallies.stale(); // a bulk import elsewhere: the counts are rebuilt
    java.util.concurrent.CountDownLatch aStarted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch scanned = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch aDone = new java.util.concurrent.CountDownLatch(1);
    Things scanning =
        new Things() {
          @Override
          public List<RecordTallies.Put> puts(Document d) {
            List<RecordTallies.Put> puts = super.puts(d); // as scanned: red, version 1
            things.replaceOne(
                eq("_id", "a"), thing("a", d.getLong("born"), 2, "2026-08-01", "blue"));
            scanned.countDown();
            await(aDone);
            return puts;
          }
        };
    RecordTallies b =
        new RecordTallies(
            db, List.of(scanning), "things-1", clock, 1_000, new ParkedIntents(db, 3));
    tallies.batches.afterStart =
        () -> {
          aStarted.countDown();
          await(scanned);
        };
    Thread a = new Thread(() -> tallies.settle(100));
    a.start();
    await(aStarted);
    Thread rebuilding = new Thread(b::upkeep);
    rebuilding.start();
    a.join(10_000);
    aDone.countDown();
    rebuilding.join(10_000);
    tallies.batches.afterStart = () -> {};

    tallies.upkeep();

    assertThat(things.find(eq("_id", "a")).first().getString("colour")).isEqualTo("blue");
    assertThat(fromCounts()).isEqualTo(fromRecords());
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      if (!latch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException("the interleaving did not happen");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRetriedWrite_countsOnce_andALateSettleOfAnOlderState_cannotMoveItBack() {
    Document d = thing("a", 1, 1, "2026-08-01", "red");
    intents.intend("a", 1);
    things.insertOne(d);
    tallies.upkeep();
    intents.intend("a", 1); // the retry of the insert: refused as a duplicate, its intent settled
    MongoInserts.insertIfAbsent(things, d);
    tallies.upkeep();
    tallies.upkeep();
    assertThat(fromCounts()).isEqualTo(Map.of("2026-08-01", Map.of("*", 1L, "c|red", 1L)));

    intents.intend("a", 2);
    things.replaceOne(
        eq("_id", "a"), new Document(d).append("version", 2L).append("colour", "blue"));
    tallies.upkeep();
    // a stale writer replays version 1 into the bucket: the bucket keeps version 2
    new TallyBuckets(db, "report_tallies")
        .put("test.things", "2026-08-01", "a", 1_001, List.of("*", "c|red"));
    assertThat(fromCounts()).isEqualTo(Map.of("2026-08-01", Map.of("*", 1L, "c|blue", 1L)));
  }

  @Test
  void anIntentWhoseWriteHasNotLanded_waits_thenSettlesWhenItDoes() {
    intents.intend("a", 1);
    tallies.upkeep(); // the insert is still on its way: nothing to count, the intent stays
    assertThat(db.getCollection(TallyIntents.COLLECTION).countDocuments()).isOne();
    things.insertOne(thing("a", 1, 1, "2026-08-01", "red"));
    tallies.ready("things");
    assertThat(fromCounts()).isEqualTo(fromRecords());
    assertThat(db.getCollection(TallyIntents.COLLECTION).countDocuments()).isZero();
  }

  @Test
  void aPoisonIntent_isParkedAfterItsTries_theRestSettle_andAReplayCountsItOnceFixed() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
    try {
      poisonParkedAndReplayed();
      assertThat(
              meters
                  .get("taskforce.report.tally.parked")
                  .tag("intents", TallyIntents.COLLECTION)
                  .counter()
                  .count())
          .isEqualTo(1.0);
    } finally {
      Metrics.removeRegistry(meters);
    }
  }

  private void poisonParkedAndReplayed() {
    things.insertOne(
        new Document("_id", "bad")
            .append("born", 1L)
            .append("version", 1L)
            .append("day", "2026-08-01")
            .append("colour", 7));
    intents.intend("bad", 1);
    for (int i = 0; i < 3; i++) {
      intents.intend("g" + i, 1);
      things.insertOne(thing("g" + i, 1, 1, "2026-08-01", "red"));
    }
    tallies.upkeep(); // the good ones count at once, beside the bad one
    assertThat(fromCounts()).isEqualTo(Map.of("2026-08-01", Map.of("*", 3L, "c|red", 3L)));
    tallies.upkeep();
    tallies.upkeep(); // the third failure parks it
    assertThat(db.getCollection(TallyIntents.COLLECTION).countDocuments()).isZero();
    ParkedIntents parked = new ParkedIntents(db, 3);
    assertThat(parked.list())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.getString("from")).isEqualTo(TallyIntents.COLLECTION);
          assertThat(p.getString("error")).contains("ClassCastException");
        });
    tallies.ready("things"); // a report is no longer held back by it

    things.updateOne(eq("_id", "bad"), new Document("$set", new Document("colour", "red")));
    assertThat(parked.replay(parked.list().get(0).getString("_id"))).isTrue();
    tallies.upkeep();
    assertThat(parked.list()).isEmpty();
    assertThat(fromCounts()).isEqualTo(fromRecords());
  }

  @Test
  void aBulkImport_marksTheCountsStale_aReportWaits_theBackgroundRebuilds() {
    things.insertMany(
        List.of(thing("a", 1, 1, "2026-08-01", "red"), thing("b", 1, 1, "2026-08-02", "blue")));
    intents.bulkWritten();
    assertThatThrownBy(() -> tallies.ready("things"))
        .isInstanceOf(TaskforceException.class)
        .extracting(e -> ((TaskforceException) e).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
    tallies.upkeep();
    tallies.ready("things");
    assertThat(fromCounts()).isEqualTo(fromRecords());
  }

  @Test
  void moreIntentsThanAReportMaySettle_answerUnavailable_untilTheBackgroundCatchesUp() {
    RecordTallies bounded = tallies(2);
    for (int i = 0; i < 5; i++) {
      intents.intend("g" + i, 1);
      things.insertOne(thing("g" + i, 1, 1, "2026-08-01", "red"));
    }
    assertThatThrownBy(() -> bounded.ready("things")).isInstanceOf(TaskforceException.class);
    bounded.upkeep();
    bounded.ready("things");
    assertThat(fromCounts()).isEqualTo(fromRecords());
  }

  /**
   * A rebuild on another replica clears and reloads the buckets while a report reads them (here: at
   * its first day): what the report happened to see is not answered.
   */
  @Test
  void aReportReadingWhileARebuildReloadsTheBuckets_answersUnavailable() {
    intents.intend("a", 1);
    things.insertOne(thing("a", ++births, 1, "2026-08-01", "red"));
    intents.intend("b", 1);
    things.insertOne(thing("b", ++births, 1, "2026-08-02", "blue"));
    tallies.settle(100);
    RecordTallies other = tallies(1_000);
    boolean[] rebuilt = {false};
    assertThatThrownBy(() ->
            tallies.read(
                "things",
                () ->
                    tallies.forEachSlot(
                        "test.things",
                        null,
                        null,
                        (day, counts) -> {
                          if (!rebuilt[0]) {
                            rebuilt[0] = true;
                            intents.bulkWritten();
                            other.upkeep();
                          }
                        })))
        .isInstanceOf(TaskforceException.class)
        .extracting(e -> ((TaskforceException) e).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(rebuilt[0]).isTrue();
    List<String> days = new java.util.ArrayList<>();
    tallies.read(
        "things", () -> tallies.forEachSlot("test.things", null, null, (d, c) -> days.add(d)));
    assertThat(days).containsExactlyInAnyOrder("2026-08-01", "2026-08-02");
  }
}
