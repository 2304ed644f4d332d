package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
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
    Map<String, Map.Entry<Long, List<String>>> left = new LinkedHashMap<>();
    members.forEach((member, e) ->
        left.put(
            escape(member),
            Map.entry(
                e.getKey(),
                e.getValue().stream().map(TallyBuckets::escape).distinct().sorted().toList())));
    attempts:
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      for (int part = 0; !left.isEmpty(); part++) {
        String id = id(series, slot, part);
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
        int room = Math.max(0, capacity - entries(d));
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

  /** Entries in a part; a part written before parts existed counts as full (it may be large). */
  private int entries(Document part) {
    Number c = part.get("c", Number.class);
    return c == null ? capacity : c.intValue();
  }

  /** A bucket's part: the first is the bucket's own id, the next ones add {@code |part}. */
  static String id(String series, String slot, int part) {
    return part == 0 ? id(series, slot) : id(series, slot) + "|" + part;
  }

  /**
   * Makes a new part with the first {@link #capacity} of {@code left} (escaped), taking them out of
   * it; false when the part exists already.
   */
  private boolean insert(
      String id, String series, String slot, Map<String, Map.Entry<Long, List<String>>> left) {
    Document n = new Document();
    Document m = new Document();
    List<String> taken = new ArrayList<>();
    for (var e : left.entrySet()) {
      if (taken.size() == capacity) {
        break;
      }
      taken.add(e.getKey());
      List<String> keys = e.getValue().getValue();
      keys.forEach(k -> n.put(k, n.get(k) == null ? 1L : ((Number) n.get(k)).longValue() + 1));
      m.append(e.getKey(), new Document("v", e.getValue().getKey()).append("k", keys));
    }
    try {
      buckets.insertOne(
          new Document("_id", id)
              .append("s", series)
              .append("d", slot)
              .append("v", incarnation())
              .append("c", taken.size())
              .append("n", n)
              .append("m", m));
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    taken.forEach(left::remove);
    return true;
  }

  /**
   * Visits the counts of every bucket of {@code series} whose slot sorts before {@code untilSlot}
   * (null: all), in no particular order: (slot, counts per key).
   */
  public void before(
      Collection<String> series, String untilSlot, BiConsumer<String, Map<String, Long>> visit) {
    Bson filter = in("s", new ArrayList<>(series));
    if (untilSlot != null) {
      filter = and(filter, lt("d", untilSlot));
    }
    for (Document d : buckets.find(filter).projection(Projections.include("s", "d", "n"))) {
      Map<String, Long> counts = new HashMap<>();
      Document n = d.get("n", Document.class);
      if (n != null) {
        n.forEach((k, v) -> counts.put(unescape(k), ((Number) v).longValue()));
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
              .find(eq("_id", id(series, slot, part)))
              .projection(Projections.include("m"))
              .first();
      if (d == null) {
        return out;
      }
      if (d.get("m") instanceof Document m) {
        m.forEach((k, v) -> {
          if (v instanceof Document e && !e.getList("k", String.class).isEmpty()) {
            out.add(unescape(k));
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
    List<String> names = new ArrayList<>(members.keySet());
    for (int from = 0, part = 0; from < names.size(); from += capacity, part++) {
      Document n = new Document();
      Document m = new Document();
      for (String member : names.subList(from, Math.min(names.size(), from + capacity))) {
        Map.Entry<Long, List<String>> e = members.get(member);
        List<String> keys =
            e.getValue().stream().map(TallyBuckets::escape).distinct().sorted().toList();
        keys.forEach(k -> n.put(k, n.get(k) == null ? 1L : ((Number) n.get(k)).longValue() + 1));
        m.append(escape(member), new Document("v", e.getKey()).append("k", keys));
      }
      String id = id(series, slot, part);
      buckets.replaceOne(
          eq("_id", id),
          new Document("_id", id)
              .append("s", series)
              .append("d", slot)
              .append("v", incarnation())
              .append("c", m.size())
              .append("n", n)
              .append("m", m),
          new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }
  }

  /**
   * The version a new part starts at: unique to this incarnation of the document, so a writer that
   * read an earlier incarnation (before a {@link #clear} and {@link #load} or a re-insert) cannot
   * match it with its conditional write, as it could if every incarnation started at 1. Random in
   * [0, 2^62): later {@code $inc}s cannot overflow, and two incarnations meet only by a 2^-62
   * chance per write.
   */
  private static long incarnation() {
    return java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 62);
  }

  /** Field names may hold neither dots nor a leading dollar: those (and %) are %-escaped. */
  static String escape(String s) {
    return s.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
  }

  static String unescape(String s) {
    return s.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
  }
}
