package org.taskforce.platform.mongo;

import com.mongodb.client.MongoDatabase;
import java.util.function.Function;
import org.bson.Document;

/**
 * The base of a store of versioned records some report counts ({@link RecordTallies}): each insert
 * and replace first announces the version it is about to write ({@link TallyIntents}), the counts
 * settled off the write's path; the collection's name is the records' family in the counts.
 */
public abstract class TalliedRecords<T> extends VersionedRecords<T> {
  private final TallyIntents tallies;

  protected TalliedRecords(
      MongoDatabase database,
      String collection,
      Function<T, Document> toDocument,
      Function<Document, T> fromDocument) {
    super(database.getCollection(collection), toDocument, fromDocument);
    this.tallies = new TallyIntents(database, collection);
  }

  @Override
  public boolean insertIfAbsent(T record) {
    Document next = document(record);
    tallies.intend(next.get("_id").toString(), version(next));
    return MongoInserts.insertIfAbsent(collection(), next);
  }

  /** Announces at least the version after {@code expectedVersion}: the one a replace writes. */
  @Override
  public boolean replace(T next, long expectedVersion) {
    Document document = document(next);
    tallies.intend(
        document.get("_id").toString(), Math.max(version(document), expectedVersion + 1));
    return MongoDocuments.replaceAt(collection(), document, expectedVersion);
  }

  /** The intents, for what else the store writes (deletes, bulk loads). */
  protected TallyIntents tallies() {
    return tallies;
  }

  private static long version(Document document) {
    return document.get("version", Number.class).longValue();
  }
}
