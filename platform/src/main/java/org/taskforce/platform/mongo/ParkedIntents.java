package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Count intents that could not be settled, moved aside so they stop holding back the rest: an
 * intent whose settling failed {@link #MAX_TRIES} times (a record the counting cannot read, a
 * bucket that refuses the write) leaves its intents collection for {@value #COLLECTION}, with the
 * last error, a WARNING log line and the counter {@code taskforce.report.tally.parked} (tag {@code
 * intents}: the collection it came from). The record itself is untouched; its number stays short by
 * it until an operator fixes the cause and {@link #replay replays} it (or a rebuild recounts
 * everything).
 */
public final class ParkedIntents {
  public static final String COLLECTION = "report_tally_parked";

  /** Failed attempts before an intent is parked. */
  public static final int MAX_TRIES = 5;

  private static final System.Logger LOG = System.getLogger(ParkedIntents.class.getName());

  private final MongoDatabase database;
  private final MongoCollection<Document> parked;
  private final int maxTries;

  public ParkedIntents(MongoDatabase database) {
    this(database, MAX_TRIES);
  }

  public ParkedIntents(MongoDatabase database, int maxTries) {
    this.database = database;
    this.parked = database.getCollection(COLLECTION);
    this.maxTries = maxTries;
  }

  /**
   * One failed attempt at settling {@code intent} of {@code intents}; the {@link #maxTries}th parks
   * it. True when it was parked.
   */
  public boolean failed(MongoCollection<Document> intents, Document intent, RuntimeException e) {
    rethrowIfOutage(e);
    Object id = intent.get("_id");
    Document now =
        intents.findOneAndUpdate(
            eq("_id", id),
            Updates.inc("tries", 1),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (now == null || now.get("tries", Number.class).intValue() < maxTries) {
      return false;
    }
    intents.deleteOne(eq("_id", id));
    park(intents.getNamespace().getCollectionName(), id, new Document("intent", now), e);
    return true;
  }

  /**
   * One failed attempt at counting a record whose pending mark is the field {@code flag} on the
   * record itself (the attempts kept beside it in {@code <flag>Tries}); the {@link #maxTries}th
   * clears the mark, if the record is still as read ({@code version}), and parks a reference to it.
   * True when it was parked.
   */
  public boolean failedFlag(
      MongoCollection<Document> records,
      Object id,
      Object version,
      String flag,
      RuntimeException e) {
    rethrowIfOutage(e);
    Document now =
        records.findOneAndUpdate(
            and(eq("_id", id), eq(flag, true)),
            Updates.inc(flag + "Tries", 1),
            new FindOneAndUpdateOptions()
                .returnDocument(ReturnDocument.AFTER)
                .projection(new Document(flag + "Tries", 1)));
    if (now == null || now.get(flag + "Tries", Number.class).intValue() < maxTries) {
      return false;
    }
    if (records
            .updateOne(
                and(eq("_id", id), eq("version", version)),
                Updates.combine(Updates.unset(flag), Updates.unset(flag + "Tries")))
            .getModifiedCount()
        == 0) {
      return false; // written since: marked again by that write, tried afresh
    }
    park(records.getNamespace().getCollectionName(), id, new Document("flag", flag), e);
    return true;
  }

  private void park(String from, Object id, Document what, RuntimeException e) {
    parked.replaceOne(
        eq("_id", from + "|" + id),
        what.append("_id", from + "|" + id)
            .append("from", from)
            .append("record", id)
            .append("error", String.valueOf(e))
            .append("parkedAt", new Date()),
        new ReplaceOptions().upsert(true));
    LOG.log(
        System.Logger.Level.WARNING,
        "report count intent " + id + " of " + from + " parked after " + maxTries + " failures",
        e);
    Metrics.counter("taskforce.report.tally.parked", "intents", from).increment();
  }

  /** A database that does not answer is an outage, not a bad intent: nothing is parked for it. */
  public static void rethrowIfOutage(RuntimeException e) {
    if (e instanceof MongoSocketException
        || e instanceof MongoTimeoutException
        || e instanceof MongoInterruptedException) {
      throw e;
    }
  }

  /**
   * The parked intents, oldest first: {@code _id}, {@code from}, {@code record}, the {@code intent}
   * (or the record's pending {@code flag}), {@code error}, {@code parkedAt}.
   */
  public List<Document> list() {
    return parked.find().sort(new Document("parkedAt", 1)).into(new ArrayList<>());
  }

  /**
   * Puts a parked intent back where it came from with its attempts reset (or marks its record
   * pending again), so the next settling round tries it again; false when no such intent is parked.
   */
  public boolean replay(String parkedId) {
    Document p = parked.find(eq("_id", parkedId)).first();
    if (p == null) {
      return false;
    }
    MongoCollection<Document> from = database.getCollection(p.getString("from"));
    if (p.getString("flag") != null) { // a record marked pending: marked again
      from.updateOne(eq("_id", p.get("record")), Updates.set(p.getString("flag"), true));
    } else {
      Document intent = p.get("intent", Document.class);
      intent.remove("tries");
      from.replaceOne(eq("_id", intent.get("_id")), intent, new ReplaceOptions().upsert(true));
    }
    parked.deleteOne(eq("_id", parkedId));
    return true;
  }
}
