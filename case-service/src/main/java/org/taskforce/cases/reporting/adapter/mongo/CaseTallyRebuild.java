package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.taskforce.platform.mongo.TallyBuckets;

/**
 * {@link CaseTallies#rebuild}: every bucket and receipt from the cases in one pass (after a bulk
 * import, or an operator's command), written whole; only with no case writer running.
 */
final class CaseTallyRebuild {
  private CaseTallyRebuild() {}

  static void run(
      CaseTallies tallies,
      MongoCollection<Document> cases,
      MongoCollection<Document> receipts,
      TallyBuckets buckets) {
    Map<String, Map<String, Map.Entry<Long, List<String>>>> all = new HashMap<>();
    List<Document> receiptDocs = new ArrayList<>();
    for (Document c :
        cases.find().projection(Projections.include(CaseTallies.READ)).batchSize(10_000)) {
      long version = c.get("version", Number.class).longValue();
      Map<String, List<String>> now = tallies.contributions(c);
      now.forEach((bucket, keys) ->
          all.computeIfAbsent(bucket, b -> new HashMap<>())
              .put(c.getString("_id"), Map.entry(version, keys)));
      receiptDocs.add(
          new Document("_id", c.getString("_id"))
              .append("b", new ArrayList<>(now.keySet()))
              .append("v", version));
    }
    buckets.clear(List.of(CaseTallies.OPENED, CaseTallies.CLOSED));
    all.forEach((bucket, members) -> {
      int bar = bucket.indexOf('|');
      buckets.load(bucket.substring(0, bar), bucket.substring(bar + 1), members);
    });
    receipts.deleteMany(new Document());
    for (int i = 0; i < receiptDocs.size(); i += 1_000) {
      receipts.insertMany(receiptDocs.subList(i, Math.min(receiptDocs.size(), i + 1_000)));
    }
    cases.updateMany(eq(CaseTallies.PENDING, true), Updates.unset(CaseTallies.PENDING));
  }
}
