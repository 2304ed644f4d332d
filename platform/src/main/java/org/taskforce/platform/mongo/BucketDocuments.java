package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;

/** What a {@link TallyBuckets} part document looks like: its id, and a new part written whole. */
final class BucketDocuments {
  private BucketDocuments() {}

  /** A bucket's part: the first is the bucket's own id, the next ones add {@code |part}. */
  static String id(String series, String slot, int part) {
    return part == 0 ? TallyBuckets.id(series, slot) : TallyBuckets.id(series, slot) + "|" + part;
  }

  /** Entries in a part; a part written before parts existed counts as full (it may be large). */
  static int entries(Document part, int capacity) {
    Number c = part.get("c", Number.class);
    return c == null ? capacity : c.intValue();
  }

  /**
   * A new part holding {@code members} (escaped: member → (version, escaped keys)) and their counts
   * per key, at a new {@link #incarnation}.
   */
  static Document part(
      String id, String series, String slot, Map<String, Map.Entry<Long, List<String>>> members) {
    Document n = new Document();
    Document m = new Document();
    members.forEach((member, e) -> {
      List<String> keys = e.getValue();
      keys.forEach(k -> n.put(k, n.get(k) == null ? 1L : ((Number) n.get(k)).longValue() + 1));
      m.append(member, new Document("v", e.getKey()).append("k", keys));
    });
    return new Document("_id", id)
        .append("s", series)
        .append("d", slot)
        .append("v", incarnation())
        .append("c", members.size())
        .append("n", n)
        .append("m", m);
  }

  /**
   * The version a new part starts at: unique to this incarnation of the document, so a writer that
   * read an earlier incarnation (before a {@link TallyBuckets#clear} and {@link TallyBuckets#load}
   * or a re-insert) cannot match it with its conditional write, as it could if every incarnation
   * started at 1. Random in [0, 2^62): later {@code $inc}s cannot overflow, and two incarnations
   * meet only by a 2^-62 chance per write.
   */
  static long incarnation() {
    return ThreadLocalRandom.current().nextLong(1L << 62);
  }

  /** {@link TallyBuckets#load}: whole parts of at most {@code capacity} entries, replaced. */
  static void load(
      MongoCollection<Document> buckets,
      int capacity,
      String series,
      String slot,
      Map<String, Map.Entry<Long, List<String>>> members) {
    Map<String, Map.Entry<Long, List<String>>> all = escaped(members);
    List<String> names = new ArrayList<>(all.keySet());
    for (int from = 0, part = 0; from < names.size(); from += capacity, part++) {
      Map<String, Map.Entry<Long, List<String>>> chunk = new LinkedHashMap<>();
      names
          .subList(from, Math.min(names.size(), from + capacity))
          .forEach(m -> chunk.put(m, all.get(m)));
      String id = id(series, slot, part);
      buckets.replaceOne(
          eq("_id", id), part(id, series, slot, chunk), new ReplaceOptions().upsert(true));
    }
  }

  /** Members and keys escaped (keys distinct and sorted), in the given order. */
  static Map<String, Map.Entry<Long, List<String>>> escaped(
      Map<String, Map.Entry<Long, List<String>>> members) {
    Map<String, Map.Entry<Long, List<String>>> out = new LinkedHashMap<>();
    members.forEach((member, e) ->
        out.put(
            escape(member),
            Map.entry(
                e.getKey(),
                e.getValue().stream().map(BucketDocuments::escape).distinct().sorted().toList())));
    return out;
  }

  /** Field names may hold neither dots nor a leading dollar: those (and %) are %-escaped. */
  static String escape(String s) {
    return s.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
  }

  static String unescape(String s) {
    return s.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
  }
}
