package org.taskforce.cases.intake.adapter.mongo;

import static com.mongodb.ErrorCategory.DUPLICATE_KEY;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The relation keys of tips (collection {@value #COLLECTION}): one document per key, {@code _id}
 * the key, {@code tips} a map from each tip that carries it to the version of the write that added
 * the pointer. Finding the tips related to one is a point read of its keys, which every MongoDB
 * (and the embedded server, which indexes no array field) serves from the {@code _id} index.
 *
 * <p>Kept a superset of the truth without transactions: keys are added before the tip that carries
 * them is written and removed after the tip no longer does, and readers check each candidate's own
 * keys. So a crash in between leaves at most a stale pointer that is never answered, never a
 * missing one. A pointer keeps the highest version that added it and is removed only by a write at
 * least that new: a slow writer of an older version cannot remove a key a newer write re-added.
 */
final class MongoRelationKeys {
  static final String COLLECTION = "tip_relation_keys";

  /** Written once every tip stored before the pointers were versioned has its pointers. */
  private static final String BACKFILLED = "#backfilled-v2";

  private final MongoCollection<Document> keys;

  MongoRelationKeys(MongoDatabase database) {
    this.keys = database.getCollection(COLLECTION);
  }

  /** Points {@code added} at the tip written at {@code version} (before that write). */
  void add(String tipId, long version, Collection<String> added) {
    write(added, k -> eq("_id", k), Updates.max(field(tipId), version), true);
  }

  /** Drops pointers {@code removed} of the tip written at {@code version} (after that write). */
  void remove(String tipId, long version, Collection<String> removed) {
    write(
        removed,
        k -> and(eq("_id", k), lte(field(tipId), version)),
        Updates.unset(field(tipId)),
        false);
  }

  /** The tips pointed to by any of {@code of}, without {@code except}. */
  Set<String> tipsSharing(Collection<String> of, String except) {
    Set<String> ids = new LinkedHashSet<>();
    if (of.isEmpty()) {
      return ids;
    }
    for (Document d : keys.find(in("_id", of.stream().sorted().toList()))) {
      Document tips = d.get("tips", Document.class);
      if (tips != null) {
        ids.addAll(tips.keySet());
      }
    }
    ids.remove(except);
    return ids;
  }

  boolean backfilled() {
    return keys.find(eq("_id", BACKFILLED)).first() != null;
  }

  void markBackfilled() {
    keys.updateOne(
        eq("_id", BACKFILLED), Updates.set("done", true), new UpdateOptions().upsert(true));
  }

  private static String field(String tipId) {
    if (tipId.contains(".") || tipId.startsWith("$")) {
      throw new IllegalArgumentException("tip id cannot name a field: " + tipId);
    }
    return "tips." + tipId;
  }

  private void write(
      Collection<String> which, Function<String, Bson> filter, Bson update, boolean upsert) {
    if (which.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    which.stream()
        .sorted()
        .forEach(k ->
            writes.add(
                new UpdateOneModel<>(filter.apply(k), update, new UpdateOptions().upsert(upsert))));
    for (int attempt = 1; ; attempt++) {
      try {
        keys.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        return;
      } catch (MongoBulkWriteException e) {
        // Two tips upserting a new key at once: one insert loses; its update now matches.
        boolean raced =
            e.getWriteErrors().stream()
                .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == DUPLICATE_KEY);
        if (!raced || attempt == 3) {
          throw e;
        }
      }
    }
  }
}
