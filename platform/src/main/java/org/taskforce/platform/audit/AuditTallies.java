package org.taskforce.platform.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.ParkedIntents;
import org.taskforce.platform.mongo.TallyBuckets;
import org.taskforce.platform.mongo.TallyRebuildLease;
import org.taskforce.platform.mongo.TallyUpkeep;

/**
 * Day counts of some audit actions (deconfliction's checks), kept as the entries are appended, so a
 * report reads one small document per day instead of the whole audit trail. Per day (in the
 * service's zone) and action: entries in total ({@code *}) and per agency ({@code @agency|*}); the
 * entries themselves stay the records behind the number.
 *
 * <p>The audit trail is append-only (no update rights), so a pending mark cannot sit on the entry:
 * the trail writes an <i>intent</i> (the entry's id) before the entry, and that is all the request
 * that writes it does. The background ({@link #upkeep}, run by a {@link TallyUpkeep} every few
 * seconds) and every report before it reads settle the intents in batches: count the entries that
 * were written ({@link TallyBuckets} puts are idempotent), then remove their intents; an intent
 * older than ten minutes whose entry never came (the writer died before it) is dropped. Counting in
 * batches keeps the count off the check's path: a busy day's bucket holds every act of the day, and
 * rewriting it once per check made each check wait for it (measured at 20,000 persons: 30 ms a
 * check one at a time, and at 200 checks/s a queue that never drained). Bulk appends ({@link
 * AuditTrail#appendAll}) mark the counts stale and the background rebuilds them from the trail; a
 * report never rebuilds (it answers UNAVAILABLE until then).
 *
 * <p>A bucket counts acts, not entries: its member is the entry's resource ({@code
 * checks/<checkId>}), so a retried request that writes a second entry for the same check counts
 * once. Counting never fails the request that wrote the entry: it is not part of it.
 */
public final class AuditTallies implements MongoIndexes {
  private static final String SERIES = "audit.";
  // 2: members are the acts (resources), not entry ids; 3: an act counts on its first day only
  private static final int SCHEMA = 3;
  private static final String STALE = "~audit-stale";
  private static final System.Logger LOG = System.getLogger(AuditTallies.class.getName());

  /** Intents a report settles itself, at most (the background settles the rest). */
  public static final int PER_REQUEST = 2_000;

  private final int perRequest;
  private final Set<String> actions;
  private final ZoneId zone;
  private final Clock clock;
  private final MongoCollection<Document> log;
  private final MongoCollection<Document> intents;
  private final AuditActs acts;
  private final MongoCollection<Document> state;
  private final TallyBuckets buckets;
  private final TallyRebuildLease lease;
  private final AuditIntentBatches settling;

  public AuditTallies(MongoDatabase database, Set<String> actions, ZoneId zone, Clock clock) {
    this(database, actions, zone, clock, PER_REQUEST);
  }

  /** With at most {@code perRequest} intents settled by a report (small in tests). */
  public AuditTallies(
      MongoDatabase database, Set<String> actions, ZoneId zone, Clock clock, int perRequest) {
    this.perRequest = perRequest;
    this.actions = Set.copyOf(actions);
    this.zone = zone;
    this.clock = clock;
    this.log = database.getCollection(AuditTrail.COLLECTION);
    this.intents = database.getCollection("audit_tally_intents");
    this.state = database.getCollection("report_tallies");
    this.buckets = new TallyBuckets(database, "report_tallies");
    this.acts = new AuditActs(database, buckets);
    this.lease = new TallyRebuildLease(state, STALE, clock);
    this.settling =
        new AuditIntentBatches(
            log, intents, acts, new ParkedIntents(database), lease, clock, zone, SERIES);
  }

  public ZoneId zone() {
    return zone;
  }

  boolean counts(AuditEntry e) {
    return actions.contains(e.action());
  }

  /**
   * Before the entry is written; a retry refreshes the time, so the intent outlives the grace
   * counted from the last attempt, not the first.
   */
  void intend(AuditEntry e) {
    intents.updateOne(
        eq("_id", e.id()),
        Updates.set("at", Date.from(clock.instant())),
        new UpdateOptions().upsert(true));
  }

  /** After the entry is written: counts it now (tests, and repeating a step after a crash). */
  void settle(AuditEntry e) {
    put(member(e.id(), e.resource()), e.action(), e.agencyId(), e.time());
    intents.deleteOne(eq("_id", e.id()));
  }

  /**
   * What a tally counts once: the act the entry records (its resource, such as {@code
   * checks/<checkId>}, which a retried request reuses), so a retry that writes a second entry for
   * the same act is not counted twice; the entry's id when it names no resource.
   */
  static String member(String id, String resource) {
    return resource == null || resource.isBlank() ? "#" + id : resource;
  }

  /** After entries were appended in bulk, uncounted: the next reader rebuilds. */
  void stale() {
    lease.mark();
  }

  private void put(String member, String action, String agency, Instant time) {
    acts.put(SERIES, action, member, agency, time.atZone(zone).toLocalDate().toString());
  }

  /**
   * Entries of {@code action} on the days [start, end], per day summed: the task force's ({@code
   * agency} null) or one agency's.
   */
  public long count(String action, LocalDate start, LocalDate end, String agency) {
    settleLeftovers();
    String from = start.toString();
    String key = agency == null ? "*" : "@" + agency + "|*";
    long[] sum = {0};
    buckets.before(
        List.of(SERIES + action),
        end.plusDays(1).toString(),
        (bucket, counts) -> {
          if (bucket.substring(bucket.indexOf('|') + 1).compareTo(from) >= 0) {
            sum[0] += counts.getOrDefault(key, 0L);
          }
        });
    return sum[0];
  }

  /**
   * What a report may do itself before it reads: settle at most {@link #PER_REQUEST} intents.
   * Counts marked stale (a rebuild) or more intents are the background's work ({@link #upkeep}):
   * the report answers UNAVAILABLE meanwhile.
   */
  void settleLeftovers() {
    if (lease.marked() != null) {
      throw TallyUpkeep.catchingUp("check counts");
    }
    AuditIntentBatches.Settled settled;
    try {
      settled = settling.settle(perRequest);
    } catch (RuntimeException e) {
      // a failure to count is the tallies' state, not the request's fault: not INTERNAL
      LOG.log(System.Logger.Level.WARNING, "settling check counts failed; a report waits", e);
      throw TallyUpkeep.catchingUp("check counts");
    }
    // an act that failed is tried again until parked: no number without it meanwhile
    if (settled.found() > perRequest || settled.failing() > 0) {
      throw TallyUpkeep.catchingUp("check counts");
    }
  }

  /**
   * The background's step ({@link TallyUpkeep}): rebuilds counts marked stale, then settles every
   * intent crashed writers left, in batches.
   */
  public void upkeep() {
    if (lease.marked() != null) {
      if (!claimRebuild()) {
        return; // another replica rebuilds: neither rebuild beside it nor settle into its buckets
      }
      try {
        rebuild();
      } catch (RuntimeException e) {
        lease.release(); // free it now
        throw e;
      }
    }
    for (int round = 0; round < 1_000 && settling.settle(1_000).found() > 1_000; round++) {
      // more left: the next batch
    }
  }

  /**
   * Claims the rebuild of counts marked stale for this instance (replica): only the holder rebuilds
   * ({@link TallyRebuildLease}); false when another holds it, or nothing is marked.
   */
  boolean claimRebuild() {
    return lease.claim();
  }

  /**
   * Rebuilds the counts from the trail: one pass, buckets written whole, then the entries of the
   * last minutes put again (an append racing the rebuild is counted by one of the two). The stale
   * mark goes only at the end, and only the one read at the start: a rebuild that fails half-way
   * leaves it for the next reader, and one set by a bulk append during the rebuild survives.
   */
  public void rebuild() {
    new AuditRebuild(log, acts, actions, zone, clock, lease, SERIES).run();
  }

  /** The first start of this version of the counts on a database marks them stale (rebuilt). */
  @Override
  public void create(MongoDatabase database) {
    Document marker = state.find(eq("_id", "~audit-schema")).first();
    if (marker == null || marker.get("version", Number.class).intValue() != SCHEMA) {
      if (log.find(in("action", new ArrayList<>(actions))).first() != null) {
        stale(); // counted entries of another version: the background rebuilds
      }
      state.replaceOne(
          eq("_id", "~audit-schema"),
          new Document("_id", "~audit-schema").append("version", SCHEMA),
          new ReplaceOptions().upsert(true));
    }
  }
}
