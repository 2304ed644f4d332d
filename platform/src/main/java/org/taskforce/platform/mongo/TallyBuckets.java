package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Counts kept as records are written, exact by construction. A bucket (one document: a series such
 * as {@code cases.opened} and a slot such as a day) holds, per member record, the record's version
 * and the keys it counts under, <i>and</i> the counts per key ({@code n}); both change in one
 * single-document write, so the counts always equal the entries. A busy bucket spills into more
 * documents (parts) of at most {@link #CAPACITY} entries each, so no document outgrows MongoDB's 16
 * MB limit; a member stays in the part it was first put in. Putting a member again is harmless
 * (same version and keys: nothing to do), an older version than the one held is ignored (a late or
 * repeated writer cannot move a count back), and a member is taken out by putting it with no keys
 * (the entry stays as a tombstone holding its version). So whoever brings a bucket up to date — the
 * writer, a retry after a crash, a second replica — may do it any number of times.
 *
 * <p>Reading sums {@code n} only (a projection): a report reads one small document per day instead
 * of every record.
 */
public final class TallyBuckets {
  private static final int ATTEMPTS = 200;

  /**
   * Entries per document by default: at about 0.5 KB an entry (a case with three agencies) a part
   * stays near 5 MB, well under MongoDB's 16 MB document limit.
   */
  public static final int CAPACITY = 10_000;

  private final MongoCollection<Document> buckets;
  private final int capacity;

  /** Runs between a writer's read of a part and its conditional write (tests: an interleaving). */
  volatile Runnable afterRead = () -> {};

  public TallyBuckets(MongoDatabase database, String collection) {
    this(database, collection, CAPACITY);
  }

  /** With {@code capacity} entries per document at most (small in tests). */
  public TallyBuckets(MongoDatabase database, String collection, int capacity) {
    this.buckets = database.getCollection(collection);
    this.capacity = capacity;
  }

  /** The bucket's document id. */
  public static String id(String series, String slot) {
    return series + "|" + slot;
  }

  /**
   * Brings one member's entry in a bucket to {@code version} with {@code keys} (empty: counted
   * under none). The entry is in the first document of the bucket that holds it; a new member goes
   * into the first document with room ({@link #capacity} entries; one that is full stays full, as
   * entries are never removed), so a member is in at most one of them.
   */
  public void put(String series, String slot, String member, long version, List<String> keys) {
    putAll(series, slot, Map.of(member, Map.entry(version, keys)));
  }

  /**
   * {@link #put} for many members of one bucket at once: one conditional write per document of the
   * bucket, whatever the number of members, so a writer that settles a batch rewrites a busy bucket
   * once instead of once per member.
   */
  public void putAll(
      String series, String slot, Map<String, Map.Entry<Long, List<String>>> members) {
    Map<String, Map.Entry<Long, List<String>>> left = BucketDocuments.escaped(members);
    attempts:
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      for (int part = 0; !left.isEmpty(); part++) {
        String id = BucketDocuments.id(series, slot, part);
        List<String> fields = new ArrayList<>(List.of("v", "c"));
        left.keySet().forEach(m -> fields.add("m." + m));
        Document d = buckets.find(eq("_id", id)).projection(Projections.include(fields)).first();
        afterRead.run();
        if (d == null) {
          if (!insert(id, series, slot, left)) {
            continue attempts; // someone else made the part first: update it instead
          }
          continue;
        }
        Document held = d.get("m") instanceof Document m ? m : new Document();
        int room = Math.max(0, capacity - BucketDocuments.entries(d, capacity));
        Map<String, Integer> delta = new LinkedHashMap<>();
        Document set = new Document();
        List<String> done = new ArrayList<>();
        int added = 0;
        for (var e : left.entrySet()) {
          Document entry = held.get(e.getKey(), Document.class);
          if (entry == null && added == room) {
            continue; // full, and the member is not in it: the next part
          }
          done.add(e.getKey());
          List<String> was = entry == null ? List.of() : entry.getList("k", String.class);
          long wasVersion = entry == null ? -1 : entry.get("v", Number.class).longValue();
          long version = e.getValue().getKey();
          List<String> next = e.getValue().getValue();
          if (entry != null
              && (wasVersion > version || wasVersion == version && was.equals(next))) {
            continue; // held already, or held at a later version
          }
          if (entry == null) {
            added++;
          }
          was.forEach(k -> delta.merge("n." + k, -1, Integer::sum));
          next.forEach(k -> delta.merge("n." + k, 1, Integer::sum));
          set.append("m." + e.getKey(), new Document("v", version).append("k", next));
        }
        if (!set.isEmpty()) {
          Document inc = new Document("v", 1);
          if (added > 0) {
            inc.append("c", added);
          }
          delta.forEach((k, n) -> {
            if (n != 0) {
              inc.append(k, n);
            }
          });
          long at = d.get("v", Number.class).longValue();
          if (buckets
                  .updateOne(
                      and(eq("_id", id), eq("v", at)),
                      new Document("$inc", inc).append("$set", set))
                  .getMatchedCount()
              != 1) {
            continue attempts;
          }
        }
        done.forEach(left::remove);
      }
      return;
    }
    throw new IllegalStateException(
        "bucket " + id(series, slot) + " kept moving; gave up after " + ATTEMPTS);
  }

  /**
   * Makes a new part with the first {@link #capacity} of {@code left} (escaped), taking them out of
   * it; false when the part exists already.
   */
  private boolean insert(
      String id, String series, String slot, Map<String, Map.Entry<Long, List<String>>> left) {
    Map<String, Map.Entry<Long, List<String>>> taken = new LinkedHashMap<>();
    for (var e : left.entrySet()) {
      if (taken.size() == capacity) {
        break;
      }
      taken.put(e.getKey(), e.getValue());
    }
    try {
      buckets.insertOne(BucketDocuments.part(id, series, slot, taken));
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    taken.keySet().forEach(left::remove);
    return true;
  }

  /**
   * Visits the counts of every bucket of {@code series} whose slot sorts before {@code untilSlot}
   * (null: all), in no particular order: (slot, counts per key).
   */
  public void before(
      Collection<String> series, String untilSlot, BiConsumer<String, Map<String, Long>> visit) {
    between(series, null, untilSlot, visit);
  }

  /** {@link #before}, also leaving out the slots that sort before {@code fromSlot} (null: none). */
  public void between(
      Collection<String> series,
      String fromSlot,
      String untilSlot,
      BiConsumer<String, Map<String, Long>> visit) {
    Bson filter = in("s", new ArrayList<>(series));
    if (fromSlot != null) {
      filter = and(filter, gte("d", fromSlot));
    }
    if (untilSlot != null) {
      filter = and(filter, lt("d", untilSlot));
    }
    for (Document d : buckets.find(filter).projection(Projections.include("s", "d", "n"))) {
      Map<String, Long> counts = new HashMap<>();
      Document n = d.get("n", Document.class);
      if (n != null) {
        n.forEach((k, v) -> counts.put(BucketDocuments.unescape(k), ((Number) v).longValue()));
      }
      visit.accept(d.getString("s") + "|" + d.getString("d"), counts);
    }
  }

  /** The members counted (not taken out) in one bucket. */
  public List<String> members(String series, String slot) {
    List<String> out = new ArrayList<>();
    for (int part = 0; ; part++) {
      Document d =
          buckets
              .find(eq("_id", BucketDocuments.id(series, slot, part)))
              .projection(Projections.include("m"))
              .first();
      if (d == null) {
        return out;
      }
      if (d.get("m") instanceof Document m) {
        m.forEach((k, v) -> {
          if (v instanceof Document e && !e.getList("k", String.class).isEmpty()) {
            out.add(BucketDocuments.unescape(k));
          }
        });
      }
    }
  }

  /** Drops every bucket of the series (before a rebuild from the records). */
  public void clear(Collection<String> series) {
    buckets.deleteMany(in("s", new ArrayList<>(series)));
  }

  /**
   * Writes whole buckets computed from the records (a rebuild): member → (version, keys) per
   * bucket, in parts of at most {@link #capacity} entries. Only for a rebuild with no writer
   * running (start-up, an operator's command), after {@link #clear}.
   */
  public void load(String series, String slot, Map<String, Map.Entry<Long, List<String>>> members) {
    BucketDocuments.load(buckets, capacity, series, slot, members);
  }
}
