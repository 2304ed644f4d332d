package org.taskforce.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** Inserts keyed by a deterministic {@code _id}: the first insert wins, later ones are no-ops. */
public final class MongoInserts {
  private MongoInserts() {}

  /** Inserts the document; false when one with its {@code _id} exists already. */
  public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
    try {
      collection.insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Inserts the documents in one round trip (unordered: one that exists does not stop the others)
   * and returns the positions of those that existed already; any other failure is thrown.
   */
  public static Set<Integer> insertAllIfAbsent(
      MongoCollection<Document> collection, List<Document> documents) {
    if (documents.isEmpty()) {
      return Set.of();
    }
    try {
      collection.insertMany(documents, new InsertManyOptions().ordered(false));
      return Set.of();
    } catch (MongoBulkWriteException e) {
      Set<Integer> existed = new HashSet<>();
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        existed.add(error.getIndex());
      }
      return existed;
    }
  }
}
