package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.bson.Document;

/**
 * Numbers that are never handed out twice, on a real MongoDB and on the embedded server alike. A
 * number is <em>claimed</em> by inserting a document whose {@code _id} names it (the unique {@code
 * _id} makes the claim atomic everywhere). Where to start comes from this process's own counter,
 * seeded from a shared hint document raised every {@value #HINT_EVERY} claims; a stale start costs
 * a retry, never a duplicate. (A {@code findOneAndUpdate} with {@code $inc} is atomic on MongoDB,
 * but the embedded server runs it as a read and a write, so two callers at once can get the same
 * number.)
 */
public final class Sequences {
  /** The shared hint is raised every this many claims; readers probe past it for the rest. */
  static final int HINT_EVERY = 16;

  private final MongoCollection<Document> hints;
  private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();

  /**
   * @param collection where the hints live, one document per sequence: {@code {_id, seq}}
   */
  public Sequences(MongoDatabase database, String collection) {
    this.hints = database.getCollection(collection);
  }

  /**
   * Claims the next number of {@code sequence}: inserts {@code claim.apply(n)} into {@code claims}
   * for candidates n until an insert succeeds, and returns that n. The claim's {@code _id} must be
   * unique per number, e.g. {@code "<sequence>:<n>"}. Callers in this process take distinct
   * candidates from its own counter, so they do not collide with each other; a candidate another
   * replica claimed first fails its insert and the next one is tried.
   */
  public long claim(
      String sequence, MongoCollection<Document> claims, LongFunction<Document> claim) {
    AtomicLong candidates = local.computeIfAbsent(sequence, s -> new AtomicLong(hint(s)));
    long number = candidates.incrementAndGet();
    while (!MongoInserts.insertIfAbsent(claims, claim.apply(number))) {
      number = candidates.incrementAndGet();
    }
    if (number % HINT_EVERY == 0) {
      raiseHint(sequence, number);
    }
    return number;
  }

  /**
   * Claims {@code count} numbers of {@code sequence} at once, increasing in the order asked for
   * ({@code claim.apply(k, n)} is the claim of the k-th with number n): one ordered insert of all
   * claims per round; when another replica took a candidate first, the ones from there on are tried
   * again with later candidates, so the order is kept.
   */
  public long[] claimAll(
      String sequence, MongoCollection<Document> claims, int count, ClaimDocument claim) {
    AtomicLong counter = local.computeIfAbsent(sequence, s -> new AtomicLong(hint(s)));
    long[] numbers = new long[count];
    // Candidates reserved from this process's counter and not yet used, in increasing order.
    java.util.ArrayDeque<Long> reserved = new java.util.ArrayDeque<>();
    int done = 0;
    while (done < count) {
      int remaining = count - done;
      if (reserved.size() < remaining) {
        int more = remaining - reserved.size();
        long first = counter.getAndAdd(more) + 1;
        for (long number = first; number < first + more; number++) {
          reserved.add(number);
        }
      }
      List<Long> candidates = new ArrayList<>(remaining);
      List<Document> batch = new ArrayList<>(remaining);
      for (int k = 0; k < remaining; k++) {
        long number = reserved.poll();
        candidates.add(number);
        batch.add(claim.apply(done + k, number));
      }
      int inserted = insertInOrder(claims, batch);
      for (int k = 0; k < inserted; k++) {
        numbers[done + k] = candidates.get(k);
      }
      done += inserted;
      // The candidate at `inserted` was taken by another replica; the ones after it are still ours.
      for (int k = candidates.size() - 1; k > inserted; k--) {
        reserved.addFirst(candidates.get(k));
      }
    }
    if (count > 0 && numbers[count - 1] / HINT_EVERY != (numbers[0] - 1) / HINT_EVERY) {
      raiseHint(sequence, numbers[count - 1] - numbers[count - 1] % HINT_EVERY);
    }
    return numbers;
  }

  /** The claim document for the k-th of a batch, numbered n. */
  @FunctionalInterface
  public interface ClaimDocument {
    Document apply(int k, long number);
  }

  /** How many of the batch were inserted before the first one whose number was taken. */
  private static int insertInOrder(MongoCollection<Document> claims, List<Document> batch) {
    try {
      claims.insertMany(batch, new InsertManyOptions().ordered(true));
      return batch.size();
    } catch (MongoBulkWriteException e) {
      BulkWriteError first = e.getWriteErrors().get(0);
      if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return first.getIndex();
    }
  }

  /**
   * A number at or below the highest claimed one (it lags by up to {@value #HINT_EVERY} claims and
   * those in flight): readers wanting the latest probe forward from it.
   */
  public long hint(String sequence) {
    Document hint = hints.find(eq("_id", sequence)).first();
    return hint == null ? 0 : hint.get("seq", Number.class).longValue();
  }

  private void raiseHint(String sequence, long number) {
    try {
      hints.updateOne(
          eq("_id", sequence), Updates.max("seq", number), new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      // Two first claims raced on creating the hint: it exists now; raise it without upsert.
      hints.updateOne(eq("_id", sequence), Updates.max("seq", number));
    }
  }
}
