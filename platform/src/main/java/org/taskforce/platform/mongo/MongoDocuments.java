package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The reads by {@code _id} and by filter, and the versioned replace and delete, that every
 * service's stores make.
 */
public final class MongoDocuments {
  private MongoDocuments() {}

  /** The document {@code _id = id}, mapped; empty when there is none. */
  public static <T> Optional<T> byId(
      MongoCollection<Document> collection, String id, Function<Document, T> mapper) {
    return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(mapper);
  }

  /** Whether a document {@code _id = id} exists (reads the id only). */
  public static boolean exists(MongoCollection<Document> collection, String id) {
    return collection.find(eq("_id", id)).projection(new Document("_id", 1)).first() != null;
  }

  /** Replaces the document if it is still at {@code expectedVersion} (optimistic locking). */
  public static boolean replaceAt(
      MongoCollection<Document> collection, Document next, long expectedVersion) {
    return collection
            .replaceOne(and(eq("_id", next.get("_id")), eq("version", expectedVersion)), next)
            .getMatchedCount()
        == 1;
  }

  /** The documents whose {@code _id} is one of {@code ids}, mapped (no query for none). */
  public static <T> List<T> byIds(
      MongoCollection<Document> collection, Collection<String> ids, Function<Document, T> mapper) {
    return ids.isEmpty() ? new ArrayList<>() : matching(collection, in("_id", ids), mapper);
  }

  /** Every document the filter matches, mapped, in the server's order. */
  public static <T> List<T> matching(
      MongoCollection<Document> collection, Bson filter, Function<Document, T> mapper) {
    List<T> out = new ArrayList<>();
    collection.find(filter).forEach(document -> out.add(mapper.apply(document)));
    return out;
  }

  /** Deletes the document if it is still at {@code expectedVersion} (optimistic locking). */
  public static boolean deleteAt(
      MongoCollection<Document> collection, String id, long expectedVersion) {
    return collection
            .deleteOne(and(eq("_id", id), eq("version", expectedVersion)))
            .getDeletedCount()
        == 1;
  }
}
