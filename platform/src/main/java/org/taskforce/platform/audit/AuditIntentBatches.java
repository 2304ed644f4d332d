package org.taskforce.platform.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.taskforce.platform.mongo.ParkedIntents;
import org.taskforce.platform.mongo.TallyRebuildLease;

/**
 * Settles {@link AuditTallies}' intents in batches: the entries behind a batch read at once, their
 * acts counted with one write per bucket document (not one per entry: a busy day's bucket is
 * large), the intents removed. An intent that cannot be counted (its entry unreadable, its act
 * refused by the counts) no longer holds back the batch: the rest are counted, and it is tried
 * again until {@link ParkedIntents} parks it.
 */
final class AuditIntentBatches {
  // An intent whose entry has not come after this long is dropped: well above any request's
  // deadline, and a retry refreshes it (intend), so a slow or retried append is still counted.
  private static final Duration GRACE = Duration.ofMinutes(10);

  private final MongoCollection<Document> log;
  private final MongoCollection<Document> intents;
  private final AuditActs acts;
  private final ParkedIntents parked;
  private final TallyRebuildLease lease;
  private final Clock clock;
  private final ZoneId zone;
  private final String series;

  AuditIntentBatches(
      MongoCollection<Document> log,
      MongoCollection<Document> intents,
      AuditActs acts,
      ParkedIntents parked,
      TallyRebuildLease lease,
      Clock clock,
      ZoneId zone,
      String series) {
    this.log = log;
    this.intents = intents;
    this.acts = acts;
    this.parked = parked;
    this.lease = lease;
    this.clock = clock;
    this.zone = zone;
    this.series = series;
  }

  /**
   * What a batch found: intents, up to {@code max + 1}, and how many of them failed and wait for
   * another try (not yet parked: their number is not known to be right).
   */
  record Settled(int found, int failing) {}

  /** Settles at most {@code max} intents. */
  Settled settle(int max) {
    if (lease.held()) {
      return new Settled(0, 0); // after the rebuild (its buckets are being cleared and reloaded)
    }
    Instant old = clock.instant().minus(GRACE);
    List<Document> found = new ArrayList<>();
    intents.find().limit(max + 1).into(found);
    List<Document> batch = found.subList(0, Math.min(max, found.size()));
    if (batch.isEmpty()) {
      return new Settled(0, 0);
    }
    int failing = 0;
    Map<String, Document> entries = new HashMap<>();
    log.find(in("_id", batch.stream().map(i -> i.getString("_id")).toList()))
        .projection(Projections.include("action", "agencyId", "time", "resource"))
        .forEach(e -> entries.put(e.getString("_id"), e));
    Map<String, AuditActs.Act> counted = new LinkedHashMap<>();
    Map<String, Document> intentOf = new HashMap<>();
    for (Document intent : batch) {
      String id = intent.getString("_id");
      Document e = entries.get(id);
      try {
        if (e != null) {
          counted.put(id, act(id, e));
          intentOf.put(id, intent);
        } else if (intent.getDate("at").toInstant().isBefore(old)) {
          // no entry came: the writer died before it; the act never happened
          intents.deleteOne(and(eq("_id", id), eq("at", intent.getDate("at"))));
        }
      } catch (RuntimeException failure) {
        failing +=
            parked.failed(intents, intent, failure) ? 0 : 1; // an entry that cannot be counted
      }
    }
    try {
      acts.putAll(series, new ArrayList<>(counted.values()));
    } catch (RuntimeException failure) {
      ParkedIntents.rethrowIfOutage(failure);
      // one act the counts refuse must not hold back the batch: one at a time, the bad one parked
      for (var it = counted.entrySet().iterator(); it.hasNext(); ) {
        var c = it.next();
        try {
          acts.putAll(series, List.of(c.getValue()));
        } catch (RuntimeException one) {
          failing += parked.failed(intents, intentOf.get(c.getKey()), one) ? 0 : 1;
          it.remove();
        }
      }
    }
    if (!counted.isEmpty()) {
      intents.deleteMany(in("_id", new ArrayList<>(counted.keySet())));
    }
    return new Settled(found.size(), failing);
  }

  private AuditActs.Act act(String id, Document e) {
    return new AuditActs.Act(
        e.getString("action"),
        AuditTallies.member(id, e.getString("resource")),
        e.getString("agencyId"),
        e.getDate("time").toInstant().atZone(zone).toLocalDate().toString());
  }
}
