package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.taskforce.platform.mongo.TallyBuckets;

/**
 * How one case is brought into {@link CaseTallies}' buckets: the buckets and keys it counts under,
 * and the receipt that remembers every bucket it was ever put in, applied version first.
 */
final class CaseTallyApply {
  private final MongoCollection<Document> cases;
  private final MongoCollection<Document> receipts;
  private final TallyBuckets buckets;
  private final ZoneId zone;

  CaseTallyApply(
      MongoCollection<Document> cases,
      MongoCollection<Document> receipts,
      TallyBuckets buckets,
      ZoneId zone) {
    this.cases = cases;
    this.receipts = receipts;
    this.buckets = buckets;
    this.zone = zone;
  }

  /**
   * Brings one case (as read, possibly stale by now) into the buckets. The receipt holds the case's
   * applied version {@code v}: it moves forward only (compare-and-set), and an applier whose
   * version is older than the one already applied puts nothing — the version check of a bucket
   * alone cannot stop it, as a bucket the newer applier never put the case in holds no entry to
   * compare with.
   */
  void apply(Document c) {
    String id = c.getString("_id");
    long version = c.get("version", Number.class).longValue();
    Map<String, List<String>> now = contributions(c);
    // The receipt first: a crash after the puts must still know every bucket the case is in.
    receipts.updateOne(
        eq("_id", id),
        Updates.addEachToSet("b", new ArrayList<>(now.keySet())),
        new UpdateOptions().upsert(true));
    // Equal passes too (a repeat after a crash). A newer applier sets v after this one added its
    // buckets, and reads the receipt after that: it takes this one's buckets over at its version.
    if (receipts
            .updateOne(
                and(eq("_id", id), or(exists("v", false), lte("v", version))),
                Updates.set("v", version))
            .getMatchedCount()
        == 0) {
      return; // a newer version is applied (or being applied): this one is out of date
    }
    Document receipt = receipts.find(eq("_id", id)).first();
    for (String bucket : receipt.getList("b", String.class)) {
      int bar = bucket.indexOf('|');
      buckets.put(
          bucket.substring(0, bar),
          bucket.substring(bar + 1),
          id,
          version,
          now.getOrDefault(bucket, List.of()));
    }
    cases.updateOne(
        and(eq("_id", id), eq("version", c.get("version"))), Updates.unset(CaseTallies.PENDING));
  }

  /** The buckets ({@code series|day}) a case counts in, with the keys it counts under. */
  Map<String, List<String>> contributions(Document c) {
    List<String> own = new ArrayList<>();
    own.add("*");
    for (String f : CaseTallies.FIELDS) {
      if (c.get(f) instanceof List<?> values) {
        values.forEach(value -> own.add(f + "=" + value));
      } else {
        own.add(f + "=" + (c.get(f) == null ? "" : c.get(f).toString()));
      }
    }
    List<String> keys = new ArrayList<>(own);
    List<String> agencies = c.getList("activeAgencies", String.class, List.of());
    for (String agency : agencies) {
      own.forEach(k -> keys.add("@" + agency + "|" + k));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put(CaseTallies.OPENED + "|" + day(c.getDate("createdAt")), keys);
    Date closed = c.getDate("closedAt");
    if (closed != null) {
      out.put(CaseTallies.CLOSED + "|" + day(closed), keys);
    }
    return out;
  }

  private String day(Date d) {
    return d.toInstant().atZone(zone).toLocalDate().toString();
  }
}
