package org.taskforce.platform.mongo;

import com.mongodb.client.MongoCollection;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;

/**
 * The base of a store that keeps one versioned record per document: inserted once under its id,
 * read by id, replaced only at the version it was read at. A store extends it with its own queries;
 * its port's insertIfAbsent, get and replace are these.
 */
public abstract class VersionedRecords<T> {
  private final MongoCollection<Document> collection;
  private final Function<T, Document> toDocument;
  private final Function<Document, T> fromDocument;

  protected VersionedRecords(
      MongoCollection<Document> collection,
      Function<T, Document> toDocument,
      Function<Document, T> fromDocument) {
    this.collection = collection;
    this.toDocument = toDocument;
    this.fromDocument = fromDocument;
  }

  /** The collection, for the store's own queries. */
  protected MongoCollection<Document> collection() {
    return collection;
  }

  /** The record as its document. */
  protected Document document(T record) {
    return toDocument.apply(record);
  }

  /** Stores a new record; false when its id is taken (a retry of the same write). */
  public boolean insertIfAbsent(T record) {
    return MongoInserts.insertIfAbsent(collection, toDocument.apply(record));
  }

  public Optional<T> get(String id) {
    return MongoDocuments.byId(collection, id, fromDocument);
  }

  /** Replaces the record if it is still at {@code expectedVersion} (optimistic locking). */
  public boolean replace(T next, long expectedVersion) {
    return MongoDocuments.replaceAt(collection, toDocument.apply(next), expectedVersion);
  }
}
