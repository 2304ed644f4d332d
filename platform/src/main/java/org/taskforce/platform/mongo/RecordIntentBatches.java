package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.taskforce.platform.mongo.RecordTallies.Counting;

/**
 * Settles {@link RecordTallies}' intents in batches: the records behind a batch read at once (one
 * read per collection), their buckets brought up to date with one conditional write per bucket
 * document, and each intent removed once its record holds the version it announced (or it is older
 * than {@link #GRACE}: its writer died, the record is what it is). One intent that cannot be
 * counted does not hold back the rest: it is tried again until {@link ParkedIntents} parks it.
 */
final class RecordIntentBatches {
  // A writer's intent outlives any request; a retry refreshes it.
  static final Duration GRACE = Duration.ofMinutes(10);

  private final MongoDatabase database;
  private final Map<String, Counting> countings;
  private final MongoCollection<Document> intents;
  private final TallyBuckets buckets;
  private final TallyRebuildLease lease;
  private final ParkedIntents parked;
  private final Clock clock;

  /** Runs once a batch has found no rebuild running (tests: an interleaving). */
  volatile Runnable afterStart = () -> {};

  RecordIntentBatches(
      MongoDatabase database,
      Map<String, Counting> countings,
      MongoCollection<Document> intents,
      TallyBuckets buckets,
      TallyRebuildLease lease,
      ParkedIntents parked,
      Clock clock) {
    this.database = database;
    this.countings = countings;
    this.intents = intents;
    this.buckets = buckets;
    this.lease = lease;
    this.parked = parked;
    this.clock = clock;
  }

  /**
   * Settles at most {@code max} intents in one batch (one read per records collection, one write
   * per bucket document); returns how many there were, up to {@code max + 1}.
   */
  RecordTallies.Settled settle(int max) {
    long rebuilds = lease.rebuilds(); // before held(): a claim after it is seen at the end
    if (lease.held()) {
      return new RecordTallies.Settled(0, 0); // after the rebuild (its buckets are reloaded)
    }
    afterStart.run();
    int failing = 0;
    List<Document> found = intents.find().limit(max + 1).into(new ArrayList<>());
    List<Document> batch = found.subList(0, Math.min(max, found.size()));
    Map<String, Map<String, Document>> records = new HashMap<>();
    Map<String, List<String>> ids = new HashMap<>();
    batch.forEach(
        i -> ids.computeIfAbsent(i.getString("f"), f -> new ArrayList<>()).add(i.getString("r")));
    ids.forEach((family, recordIds) -> {
      Counting c = countings.get(family);
      Map<String, Document> byId = new HashMap<>();
      if (c != null) {
        database
            .getCollection(c.collection())
            .find(in("_id", recordIds))
            .forEach(d -> byId.put(d.get("_id").toString(), d));
      }
      records.put(family, byId);
    });
    Instant old = clock.instant().minus(GRACE);
    List<Settling> ready = new ArrayList<>();
    for (Document intent : batch) {
      try {
        Settling s = settling(intent, records.get(intent.getString("f")), old);
        if (s != null) {
          ready.add(s);
        }
      } catch (RuntimeException e) {
        failing += parked.failed(intents, intent, e) ? 0 : 1;
      }
    }
    BucketPuts all = new BucketPuts();
    ready.forEach(s -> all.addAll(s.puts()));
    try {
      all.write(buckets);
    } catch (RuntimeException e) {
      ParkedIntents.rethrowIfOutage(e);
      // one intent the buckets refuse must not hold back the others: one at a time
      List<Settling> written = new ArrayList<>();
      for (Settling s : ready) {
        try {
          s.puts().write(buckets);
          written.add(s);
        } catch (RuntimeException one) {
          ParkedIntents.rethrowIfOutage(one);
          failing += parked.failed(intents, s.intent(), one) ? 0 : 1;
        }
      }
      ready = written;
    }
    if (lease.held() || lease.rebuilds() != rebuilds) {
      // a rebuild began meanwhile: it may load what it scanned before these records were read
      // over what was just written; the intents stay and are settled again after it
      return new RecordTallies.Settled(found.size(), failing);
    }
    for (Settling s : ready) {
      if (s.done()) {
        Document i = s.intent();
        intents.deleteOne(and(eq("_id", i.get("_id")), eq("at", i.get("at")), eq("v", i.get("v"))));
      }
    }
    return new RecordTallies.Settled(found.size(), failing);
  }

  private record Settling(Document intent, BucketPuts puts, boolean done) {}

  /**
   * What settling one intent writes, and whether the intent then goes; null: wait for its record.
   */
  private Settling settling(Document intent, Map<String, Document> records, Instant old) {
    Counting c = countings.get(intent.getString("f"));
    if (c == null) {
      throw new IllegalStateException("no counting for records of " + intent.getString("f"));
    }
    Document record = records.get(intent.getString("r"));
    Document gone = intent.get("gone", Document.class);
    boolean expired = intent.getDate("at").toInstant().isBefore(old);
    BucketPuts puts = new BucketPuts();
    if (record != null) {
      long v = c.version(record);
      c.puts(record).forEach(p -> puts.add(p.series(), p.slot(), p.member(), v, p.keys()));
    }
    if (gone != null) {
      // taken out where it was counted, unless it stands there still (a delete that did not
      // happen, or a later record under the same id in the same bucket)
      long v = c.version(gone) + 1;
      c.puts(gone).forEach(p -> puts.addIfAbsent(p.series(), p.slot(), p.member(), v, List.of()));
    }
    if (record == null) {
      return gone == null && !expired ? null : new Settling(intent, puts, true);
    }
    Number held = record.get("version", Number.class);
    long announced = intent.get("v", Number.class).longValue();
    return new Settling(intent, puts, expired || held != null && held.longValue() >= announced);
  }
}
