package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.function.LongFunction;
import org.bson.Document;

/**
 * Numbers that are never handed out twice, on a real MongoDB and on the embedded server alike. A
 * number is <em>claimed</em> by inserting a document whose {@code _id} names it (the unique {@code
 * _id} makes the claim atomic everywhere); a counter document per sequence only hints where to
 * start, so a stale hint costs a retry, never a duplicate. (A {@code findOneAndUpdate} with {@code
 * $inc} is atomic on MongoDB, but the embedded server runs it as a read and a write, so two callers
 * at once can get the same number.)
 */
public final class Sequences {
  private final MongoCollection<Document> hints;

  /**
   * @param collection where the hints live, one document per sequence: {@code {_id, seq}}
   */
  public Sequences(MongoDatabase database, String collection) {
    this.hints = database.getCollection(collection);
  }

  /**
   * Claims the next number of {@code sequence}: inserts {@code claim.apply(n)} into {@code claims}
   * for n = hint + 1, hint + 2, … until an insert succeeds, and returns that n. The claim's {@code
   * _id} must be unique per number, e.g. {@code "<sequence>:<n>"}.
   */
  public long claim(
      String sequence, MongoCollection<Document> claims, LongFunction<Document> claim) {
    long n = hint(sequence) + 1;
    while (!MongoInserts.insertIfAbsent(claims, claim.apply(n))) {
      n++;
    }
    raiseHint(sequence, n);
    return n;
  }

  /** The highest number known to be claimed (it may lag behind by the claims in flight). */
  public long hint(String sequence) {
    Document d = hints.find(eq("_id", sequence)).first();
    return d == null ? 0 : d.get("seq", Number.class).longValue();
  }

  private void raiseHint(String sequence, long n) {
    try {
      hints.updateOne(eq("_id", sequence), Updates.max("seq", n), new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      // Two first claims raced on creating the hint: it exists now; raise it without upsert.
      hints.updateOne(eq("_id", sequence), Updates.max("seq", n));
    }
  }
}
