package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.ParkedIntents;
import org.taskforce.platform.mongo.TallyBuckets;
import org.taskforce.platform.mongo.TallyUpkeep;

/**
 * The case measures' day tallies: per day (in the task force's zone) the cases opened and the cases
 * closed, counted in total, by each {@link #FIELDS breakdown}, and again within each active
 * agency's share ({@code @agency|} keys). "Active in a period" is then opened before its end minus
 * closed before its start, so a year's case numbers read a few thousand small bucket documents, not
 * every case.
 *
 * <p>Kept exactly in step with the records the way outbox messages are: every write of a case sets
 * {@code tallyPending} in the same document write ({@code MongoCaseStore}), and the background
 * ({@link #upkeep}, run by a {@link TallyUpkeep}) — or a report, for at most {@link #PER_REQUEST}
 * cases — brings the pending cases into the buckets ({@link TallyBuckets}: idempotent,
 * version-ordered) and clears the flag only if the case has not moved on. A crash at any step
 * leaves the flag set, so the next report repeats the step; nothing is counted twice. Each case's
 * receipt lists every bucket it was ever put in, so a case whose closing day moved (or that was
 * reopened) is taken out of the old day.
 */
public final class CaseTallies implements MongoIndexes {
  static final String OPENED = "cases.opened";
  static final String CLOSED = "cases.closed";
  static final String PENDING = "tallyPending";

  /**
   * The case fields a case tally may be broken down by; a list field (industries) counts the case
   * under each of its values.
   */
  static final List<String> FIELDS =
      List.of("type", "leadAgencyId", "leadAgencyType", "industries");

  private static final int SCHEMA = 2; // 2: by industry
  private static final int BATCH = 1_000;

  /** Pending cases a report applies itself, at most (the background applies the rest). */
  public static final int PER_REQUEST = 2_000;

  static final List<String> READ =
      List.of(
          "createdAt",
          "closedAt",
          "activeAgencies",
          "version",
          "type",
          "leadAgencyId",
          "leadAgencyType",
          "industries");

  private final MongoCollection<Document> cases;
  private final MongoCollection<Document> receipts;
  private final MongoCollection<Document> tallies;
  private final TallyBuckets buckets;
  private final ZoneId zone;
  private final int perRequest;
  private final CaseTallyApply applier;
  private final ParkedIntents parked;

  public CaseTallies(MongoDatabase database, ZoneId zone) {
    this(database, zone, PER_REQUEST);
  }

  /** With at most {@code perRequest} pending cases applied by a report (small in tests). */
  public CaseTallies(MongoDatabase database, ZoneId zone, int perRequest) {
    this.perRequest = perRequest;
    this.cases = database.getCollection("cases");
    this.receipts = database.getCollection("report_tally_receipts");
    this.tallies = database.getCollection("report_tallies");
    this.buckets = new TallyBuckets(database, "report_tallies");
    this.zone = zone;
    this.applier = new CaseTallyApply(cases, receipts, buckets, zone);
    this.parked = new ParkedIntents(database);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Counts per key over a period of whole days [start, end]. */
  public record Counts(
      Map<String, Long> openedIn,
      Map<String, Long> closedIn,
      Map<String, Long> openedBeforeEnd,
      Map<String, Long> closedBeforeStart) {}

  /**
   * Brings pending cases in (at most {@link #perRequest}: more is the background's work, and the
   * report answers UNAVAILABLE meanwhile), then sums the buckets the period needs in one read.
   */
  public Counts read(LocalDate start, LocalDate end) {
    int[] applied = applyBatch(perRequest);
    // a case that failed is tried again until parked: no number without it meanwhile
    if (applied[0] > perRequest || applied[1] > 0) {
      throw TallyUpkeep.catchingUp("case counts");
    }
    String from = start.toString();
    String until = end.plusDays(1).toString();
    Counts c = new Counts(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    buckets.before(
        List.of(OPENED, CLOSED),
        until,
        (bucket, counts) -> {
          boolean opened = bucket.startsWith(OPENED + "|");
          String day = bucket.substring(bucket.indexOf('|') + 1);
          boolean in = day.compareTo(from) >= 0;
          counts.forEach((k, n) -> {
            if (opened) {
              c.openedBeforeEnd().merge(k, n, Long::sum);
              if (in) {
                c.openedIn().merge(k, n, Long::sum);
              }
            } else if (in) {
              c.closedIn().merge(k, n, Long::sum);
            } else {
              c.closedBeforeStart().merge(k, n, Long::sum);
            }
          });
        });
    return c;
  }

  /** Brings every case written since it was last tallied into the buckets; how many there were. */
  public int applyPending() {
    return applyPending(Integer.MAX_VALUE - 1);
  }

  /**
   * Brings at most {@code max} pending cases into the buckets: how many were found pending, up to
   * {@code max + 1} (more than {@code max}: some are left).
   */
  int applyPending(int max) {
    return applyBatch(max)[0];
  }

  /** {@link #applyPending}: [cases found, cases that failed and wait for another try]. */
  private int[] applyBatch(int max) {
    int failing = 0;
    List<Document> pending = new ArrayList<>();
    cases
        .find(eq(PENDING, true))
        .projection(Projections.include(READ))
        .limit(max + 1)
        .into(pending);
    for (Document c : pending.subList(0, Math.min(max, pending.size()))) {
      try {
        apply(c);
      } catch (RuntimeException e) {
        // one case that cannot be counted must not hold back the others: tried again with the
        // next batches, then parked (ParkedIntents: its mark cleared, listed, replayable)
        failing += parked.failedFlag(cases, c.get("_id"), c.get("version"), PENDING, e) ? 0 : 1;
      }
    }
    return new int[] {pending.size(), failing};
  }

  /**
   * The background's step ({@link TallyUpkeep}): every pending case, in batches — the backfill
   * after an upgrade (the first start of a new version flags every case pending; the flags are its
   * crash-safe progress) and whatever writers left since the last step.
   */
  public void upkeep() {
    for (int round = 0; round < 1_000 && applyPending(BATCH) > BATCH; round++) {
      // more left: the next batch
    }
  }

  /** Brings one case (as read, possibly stale by now) into the buckets ({@link CaseTallyApply}). */
  void apply(Document c) {
    applier.apply(c);
  }

  /** The buckets ({@code series|day}) a case counts in, with the keys it counts under. */
  Map<String, List<String>> contributions(Document c) {
    return applier.contributions(c);
  }

  /**
   * Rebuilds every bucket from the cases in one pass (after a bulk import, or an operator's
   * command). Only with no case writer running: it replaces the buckets whole.
   */
  public void rebuild() {
    CaseTallyRebuild.run(this, cases, receipts, buckets);
  }

  /**
   * Indexes a real MongoDB needs (the pending cases, the buckets by series and day); and the first
   * time this version of the tallies starts on a database, every case is marked pending, so cases
   * written before the tallies existed are counted too.
   */
  @Override
  public void create(MongoDatabase database) {
    cases.createIndex(
        Indexes.ascending(PENDING), new IndexOptions().name("tally_pending").sparse(true));
    tallies.createIndex(Indexes.ascending("s", "d"), new IndexOptions().name("series_day"));
    Bson marker = eq("_id", "~schema");
    Document held = tallies.find(marker).first();
    if (held == null || held.get("version", Number.class).intValue() != SCHEMA) {
      buckets.clear(List.of(OPENED, CLOSED));
      receipts.deleteMany(new Document());
      cases.updateMany(new Document(), Updates.set(PENDING, true));
      tallies.replaceOne(
          marker,
          new Document("_id", "~schema").append("version", SCHEMA),
          new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }
  }
}
