package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;

/**
 * The write side of {@link RecordTallies}: a store that keeps records some report counts writes,
 * <i>before</i> each change of a record, an intent naming the record and the version it is about to
 * write ({@code _id} = family/record id; a retry refreshes it and the version only grows), and
 * before a delete the record as it was (so its counts can be taken out). That is all a write does
 * for the counts: settling them is the background's and the report's ({@link RecordTallies}). A
 * write that dies after its intent leaves an intent that is settled from whatever the record then
 * is.
 */
public final class TallyIntents {
  public static final String COLLECTION = "record_tally_intents";

  private final MongoCollection<Document> intents;
  private final String family;
  private final Clock clock;
  private final TallyRebuildLease stale;

  public TallyIntents(MongoDatabase database, String family) {
    this(database, family, Clock.systemUTC());
  }

  public TallyIntents(MongoDatabase database, String family, Clock clock) {
    this.intents = database.getCollection(COLLECTION);
    this.family = family;
    this.clock = clock;
    this.stale =
        new TallyRebuildLease(
            database.getCollection(RecordTallies.STATE), RecordTallies.STALE, clock);
  }

  /** After records were written in bulk with no intents (imports): the counts are rebuilt. */
  public void bulkWritten() {
    stale.mark();
  }

  static String id(String family, String recordId) {
    return family + "/" + recordId;
  }

  /** Before writing {@code version} of record {@code recordId} (an insert or a replace). */
  public void intend(String recordId, long version) {
    intents.updateOne(
        eq("_id", id(family, recordId)),
        Updates.combine(
            Updates.set("f", family),
            Updates.set("r", recordId),
            Updates.set("at", Date.from(clock.instant())),
            Updates.max("v", version)),
        new UpdateOptions().upsert(true));
  }

  /**
   * Before deleting a record that stands as {@code record} (null: there is none, nothing to do):
   * its counts are taken out once it is gone.
   */
  public void intendRemoval(Document record) {
    if (record == null) {
      return;
    }
    Number v = record.get("version", Number.class);
    intents.updateOne(
        eq("_id", id(family, record.get("_id").toString())),
        Updates.combine(
            Updates.set("f", family),
            Updates.set("r", record.get("_id").toString()),
            Updates.set("at", Date.from(clock.instant())),
            Updates.set("gone", record),
            Updates.max("v", v == null ? 0 : v.longValue() + 1)),
        new UpdateOptions().upsert(true));
  }
}
