package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bson.Document;

/**
 * Counts of mutable records (conflicts, operations) kept as they are written, exact by construction
 * and settled off the writer's path. A store writes an intent before each change ({@link
 * TallyIntents}); the background ({@link #upkeep}, on a {@link TallyUpkeep}) and every report
 * before it reads ({@link #ready}) settle intents in batches: read each record as it now stands,
 * put it in its {@link TallyBuckets} buckets under the version its {@link Counting} gives (so a
 * late or repeated settle cannot move a count back, and a retried write of the same record counts
 * once: a bucket's member is the record), and remove the intent once the record holds the version
 * the intent announced (a write that died: after ten minutes, from whatever the record is). A
 * deleted record is taken out from the copy its delete left in the intent. An intent that keeps
 * failing is parked ({@link ParkedIntents}) so it no longer holds back the rest. Bulk imports mark
 * the counts stale and the background rebuilds them from the records (one replica, under a {@link
 * TallyRebuildLease}); a rebuild equals the incremental counts, as both come from {@link
 * Counting#puts}.
 */
public final class RecordTallies implements MongoIndexes {
  /** What one family of records counts as: its buckets' members and keys. */
  public interface Counting {
    String family();

    /** The records' collection. */
    String collection();

    /** Every series {@link #puts} writes (cleared by a rebuild). */
    List<String> series();

    /**
     * Orders the states of a record, and of a later record under the same id after a delete (for
     * example its creation time and its version): the bucket keeps the highest it was given.
     */
    long version(Document record);

    /** The buckets and members a record counts as, with the keys it counts under. */
    List<Put> puts(Document record);
  }

  /** One member of one bucket (series and slot, such as a day) and the keys it counts under. */
  public record Put(String series, String slot, String member, List<String> keys) {}

  static final String STATE = "report_tallies";
  static final String STALE = "~records-stale";
  private static final String SCHEMA = "~records-schema";
  private static final int BATCH = 10_000;
  private static final System.Logger LOG = System.getLogger(RecordTallies.class.getName());

  /** Intents a report settles itself, at most (the background settles the rest). */
  public static final int PER_REQUEST = 2_000;

  private final MongoDatabase database;
  private final Map<String, Counting> countings = new HashMap<>();
  private final String schema;
  private final int perRequest;
  private final MongoCollection<Document> state;
  private final TallyBuckets buckets;
  private final TallyRebuildLease lease;
  final RecordIntentBatches batches;

  /**
   * @param schema what the counts depend on besides the records (a zone, a key scheme): when it
   *     changes the counts are rebuilt
   */
  public RecordTallies(
      MongoDatabase database,
      List<Counting> countings,
      String schema,
      Clock clock,
      int perRequest,
      ParkedIntents parked) {
    this.database = database;
    countings.forEach(c -> this.countings.put(c.family(), c));
    this.schema = schema;
    this.perRequest = perRequest;
    this.state = database.getCollection(STATE);
    this.buckets = new TallyBuckets(database, STATE);
    this.lease = new TallyRebuildLease(state, STALE, clock);
    this.batches =
        new RecordIntentBatches(
            database,
            this.countings,
            database.getCollection(TallyIntents.COLLECTION),
            buckets,
            lease,
            parked,
            clock);
  }

  /** After records were written in bulk, uncounted: the background rebuilds. */
  public void stale() {
    lease.mark();
  }

  /**
   * What a report does before it reads: settle at most {@code perRequest} intents; counts marked
   * stale, more intents or a failure to settle answer UNAVAILABLE ({@link TallyUpkeep#catchingUp}).
   */
  public void ready(String what) {
    if (lease.marked() != null) {
      throw TallyUpkeep.catchingUp(what);
    }
    Settled settled;
    try {
      settled = settle(perRequest);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "settling " + what + " failed; a report waits", e);
      throw TallyUpkeep.catchingUp(what);
    }
    // a record that failed is tried again until parked: no number without it meanwhile
    if (settled.found() > perRequest || settled.failing() > 0) {
      throw TallyUpkeep.catchingUp(what);
    }
  }

  /**
   * {@link #ready}, then {@code reads} (of {@link #forEachSlot}), answered only if no rebuild began
   * meanwhile: a rebuild clears the buckets and loads them again, so reads overlapping it may miss
   * a part or count one twice; UNAVAILABLE ({@link TallyUpkeep#catchingUp}) instead.
   */
  public void read(String what, Runnable reads) {
    long rebuilds = lease.rebuilds();
    ready(what);
    reads.run();
    if (lease.marked() != null || lease.rebuilds() != rebuilds) {
      throw TallyUpkeep.catchingUp(what);
    }
  }

  /**
   * Visits the buckets of {@code series} whose slot is in [{@code fromSlot}, {@code untilSlot})
   * (null: open-ended): (slot, counts per key); the parts of a bucket visit separately.
   */
  public void forEachSlot(
      String series,
      String fromSlot,
      String untilSlot,
      BiConsumer<String, Map<String, Long>> visit) {
    buckets.between(
        List.of(series),
        fromSlot,
        untilSlot,
        (bucket, counts) -> visit.accept(bucket.substring(series.length() + 1), counts));
  }

  /** The background's step: rebuilds counts marked stale (under the lease), then settles all. */
  public void upkeep() {
    if (lease.marked() != null) {
      if (!lease.claim()) {
        return;
      }
      try {
        rebuild();
      } catch (RuntimeException e) {
        lease.release();
        throw e;
      }
    }
    for (int round = 0; round < 1_000 && settle(1_000).found() > 1_000; round++) {
      // more left: the next batch
    }
  }

  /** What a batch found: intents (up to max + 1), and how many failed and wait for a retry. */
  record Settled(int found, int failing) {}

  /** Settles at most {@code max} intents. */
  Settled settle(int max) {
    return batches.settle(max);
  }

  /**
   * Recounts every record from scratch: buckets computed in one pass per collection and written
   * whole. Only under the lease (or with no writer running); intents wait meanwhile and are settled
   * after it, so a write racing the rebuild is counted by them.
   */
  public void rebuild() {
    Document marker = lease.marked();
    BucketPuts all = new BucketPuts();
    List<String> series = new ArrayList<>();
    for (Counting c : countings.values()) {
      series.addAll(c.series());
      for (Document d : database.getCollection(c.collection()).find().batchSize(BATCH)) {
        try {
          long v = c.version(d);
          c.puts(d).forEach(p -> all.add(p.series(), p.slot(), p.member(), v, p.keys()));
        } catch (RuntimeException e) {
          LOG.log(
              System.Logger.Level.WARNING,
              "record " + d.get("_id") + " of " + c.collection() + " cannot be counted; left out",
              e);
        }
      }
    }
    buckets.clear(series);
    all.load(buckets);
    lease.done(marker);
  }

  /** The first start of another version of the counts on a database with records rebuilds them. */
  @Override
  public void create(MongoDatabase db) {
    Document marker = state.find(eq("_id", SCHEMA)).first();
    if (marker == null || !schema.equals(marker.getString("schema"))) {
      if (countings.values().stream()
          .anyMatch(c -> db.getCollection(c.collection()).find().first() != null)) {
        stale();
      }
      state.replaceOne(
          eq("_id", SCHEMA),
          new Document("_id", SCHEMA).append("schema", schema),
          new ReplaceOptions().upsert(true));
    }
  }
}
