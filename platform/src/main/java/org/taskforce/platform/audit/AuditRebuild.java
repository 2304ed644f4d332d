package org.taskforce.platform.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.taskforce.platform.mongo.TallyRebuildLease;

/**
 * Rebuilds {@link AuditTallies}' counts from the trail: one pass, buckets written whole, then the
 * entries of the last minutes put again (an append racing the rebuild is counted by one of the
 * two). The stale mark goes only at the end, and only the one read at the start: a rebuild that
 * fails half-way leaves it for the next reader, and one set by a bulk append during the rebuild
 * survives.
 */
final class AuditRebuild {
  private static final Duration CATCH_UP = Duration.ofMinutes(5);
  // The embedded server answers a find in one reply unless asked for batches (48 MB at most).
  private static final int BATCH = 10_000;

  private final MongoCollection<Document> log;
  private final AuditActs acts;
  private final Set<String> actions;
  private final ZoneId zone;
  private final Clock clock;
  private final TallyRebuildLease lease;
  private final String series;

  AuditRebuild(
      MongoCollection<Document> log,
      AuditActs acts,
      Set<String> actions,
      ZoneId zone,
      Clock clock,
      TallyRebuildLease lease,
      String series) {
    this.log = log;
    this.acts = acts;
    this.actions = actions;
    this.zone = zone;
    this.clock = clock;
    this.lease = lease;
    this.series = series;
  }

  void run() {
    Instant started = clock.instant();
    Document marker = lease.marked();
    Map<String, String> agencyOf = new HashMap<>();
    Map<String, TreeSet<String>> daysOf = new HashMap<>();
    for (Document e :
        log.find(in("action", new ArrayList<>(actions)))
            .projection(Projections.include("action", "agencyId", "time", "resource"))
            .batchSize(BATCH)) {
      String act =
          e.getString("action")
              + "|"
              + AuditTallies.member(e.getString("_id"), e.getString("resource"));
      agencyOf.putIfAbsent(act, e.getString("agencyId"));
      daysOf.computeIfAbsent(act, a -> new TreeSet<>()).add(day(e));
    }
    acts.reload(series, actions, agencyOf, daysOf);
    for (Document e :
        log.find(
            and(
                in("action", new ArrayList<>(actions)),
                gte("time", Date.from(started.minus(CATCH_UP)))))) {
      acts.put(
          series,
          e.getString("action"),
          AuditTallies.member(e.getString("_id"), e.getString("resource")),
          e.getString("agencyId"),
          day(e));
    }
    lease.done(marker);
  }

  private String day(Document e) {
    return e.getDate("time").toInstant().atZone(zone).toLocalDate().toString();
  }
}
