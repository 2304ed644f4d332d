package org.taskforce.cases.intake.adapter.mongo;

import static com.mongodb.ErrorCategory.DUPLICATE_KEY;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

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
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The relation keys of tips (collection {@value #COLLECTION}): one document per key, {@code _id}
 * the key, {@code tipIds} the tips that carry it. Finding the tips related to one is a point read
 * of its keys, which every MongoDB (and the embedded server, which indexes no array field) serves
 * from the {@code _id} index.
 *
 * <p>Kept a superset of the truth without transactions: keys are added before the tip that carries
 * them is written and removed after the tip no longer does, and readers check each candidate's own
 * keys. So a crash in between leaves at most a stale pointer that is never answered, never a
 * missing one.
 */
final class MongoRelationKeys {
  static final String COLLECTION = "tip_relation_keys";
  private final MongoCollection<Document> keys;

  MongoRelationKeys(MongoDatabase database) {
    this.keys = database.getCollection(COLLECTION);
  }

  void add(String tipId, Collection<String> added) {
    write(added, Updates.addToSet("tipIds", tipId), true);
  }

  void remove(String tipId, Collection<String> removed) {
    write(removed, Updates.pull("tipIds", tipId), false);
  }

  /** The tips pointed to by any of {@code of}, without {@code except}. */
  Set<String> tipsSharing(Collection<String> of, String except) {
    Set<String> ids = new LinkedHashSet<>();
    if (of.isEmpty()) {
      return ids;
    }
    for (Document d : keys.find(in("_id", of.stream().sorted().toList()))) {
      ids.addAll(d.getList("tipIds", String.class, List.of()));
    }
    ids.remove(except);
    return ids;
  }

  private void write(Collection<String> which, Bson update, boolean upsert) {
    if (which.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    which.stream()
        .sorted()
        .forEach(k ->
            writes.add(
                new UpdateOneModel<>(eq("_id", k), update, new UpdateOptions().upsert(upsert))));
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
