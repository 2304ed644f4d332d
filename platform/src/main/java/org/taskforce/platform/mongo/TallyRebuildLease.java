package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * The "rebuild these counts from the records" mark of some tallies, and the lease one replica holds
 * while it rebuilds them: only the holder rebuilds, so two replicas never clear each other's
 * buckets, and nobody settles intents into buckets while a lease runs. A bulk import marks with a
 * new nonce and keeps the lease, so a rebuild running on the old mark runs again after it ends; the
 * mark goes only when a rebuild has finished, and only the mark it read.
 */
public final class TallyRebuildLease {
  // A rebuild's claim: longer than any rebuild; a holder that died frees it when it runs out.
  private static final Duration LEASE = Duration.ofMinutes(15);

  private final MongoCollection<Document> state;
  private final String markId;
  private final Clock clock;
  private final String me = UUID.randomUUID().toString();

  public TallyRebuildLease(MongoCollection<Document> state, String markId, Clock clock) {
    this.state = state;
    this.markId = markId;
    this.clock = clock;
  }

  /** Marks the counts stale (after records were written uncounted, in bulk). */
  public void mark() {
    state.updateOne(
        eq("_id", markId),
        Updates.set("nonce", UUID.randomUUID().toString()),
        new UpdateOptions().upsert(true));
  }

  /** The mark, or null when the counts are not marked stale. */
  public Document marked() {
    return state.find(eq("_id", markId)).first();
  }

  /**
   * Claims the rebuild for {@link #LEASE}; false when another holds it or nothing is marked. Each
   * claim counts in {@link #rebuilds}.
   */
  public boolean claim() {
    Instant now = clock.instant();
    boolean claimed =
        state.findOneAndUpdate(
                and(
                    eq("_id", markId),
                    or(exists("until", false), lte("until", Date.from(now)), eq("owner", me))),
                Updates.combine(
                    Updates.set("owner", me), Updates.set("until", Date.from(now.plus(LEASE)))))
            != null;
    if (claimed) {
      state.updateOne(
          eq("_id", markId + "|rebuilds"), Updates.inc("n", 1L), new UpdateOptions().upsert(true));
    }
    return claimed;
  }

  /**
   * How many rebuilds were ever claimed. A settler reads it before {@link #held} and again before
   * it removes intents: a rebuild that began in between may have scanned a record before the
   * settler read it and replace the settler's buckets with that older state afterwards, so the
   * intents must stay and be settled again.
   */
  public long rebuilds() {
    Document d = state.find(eq("_id", markId + "|rebuilds")).first();
    return d == null ? 0 : d.get("n", Number.class).longValue();
  }

  /** Whether some instance holds the lease now (intents wait for it). */
  public boolean held() {
    return state.find(and(eq("_id", markId), gt("until", Date.from(clock.instant())))).first()
        != null;
  }

  /** Frees this instance's lease now (its rebuild failed). */
  public void release() {
    state.updateOne(and(eq("_id", markId), eq("owner", me)), Updates.unset("until"));
  }

  /** Removes the mark read before a rebuild that finished (a newer mark survives). */
  public void done(Document marker) {
    if (marker != null) {
      state.deleteOne(and(eq("_id", markId), eq("nonce", marker.get("nonce"))));
    }
  }
}
