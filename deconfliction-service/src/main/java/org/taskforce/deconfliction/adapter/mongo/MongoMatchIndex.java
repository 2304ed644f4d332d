package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.taskforce.deconfliction.application.MatchIndex;
import org.taskforce.deconfliction.domain.IndexEntry;

/**
 * The candidate index as one document per key ({@code _id} = the key, {@code e} = its entries):
 * every lookup is a point read on {@code _id}, which both real MongoDB and the embedded server
 * serve from an index, and every change is a single-document {@code $addToSet}/{@code $pull}.
 */
public final class MongoMatchIndex implements MatchIndex {
  public static final String COLLECTION = "match_index";
  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

  private final MongoCollection<Document> collection;

  public MongoMatchIndex(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void add(Map<String, IndexEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(entries.size());
    entries.forEach((key, e) ->
        writes.add(
            new UpdateOneModel<>(eq("_id", key), Updates.addToSet("e", e.encode()), UPSERT)));
    collection.bulkWrite(writes, UNORDERED);
  }

  @Override
  public void remove(Map<String, IndexEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(entries.size());
    // An entry may still be in the form written before entries carried their disclosure: the
    // registration's entries, computed now, name it with its disclosure; take out both forms.
    entries.forEach((key, e) ->
        writes.add(
            new UpdateOneModel<>(
                eq("_id", key),
                e.disclosure() == null
                    ? Updates.pull("e", e.encode())
                    : Updates.pullAll("e", List.of(e.encode(), e.withoutDisclosure().encode())))));
    collection.bulkWrite(writes, UNORDERED);
  }

  @Override
  public int prune(
      java.util.function.Function<Map<String, List<IndexEntry>>, Map<String, List<IndexEntry>>>
          stale) {
    int removed = 0;
    Map<String, List<IndexEntry>> batch = new java.util.LinkedHashMap<>();
    for (Document document : collection.find().sort(new Document("_id", 1))) {
      List<String> raw = document.getList("e", String.class);
      if (raw != null && !raw.isEmpty()) {
        batch.put(document.getString("_id"), raw.stream().map(IndexEntry::decode).toList());
      }
      if (batch.size() >= 500) {
        removed += removeAll(stale.apply(batch));
        batch.clear();
      }
    }
    return removed + removeAll(stale.apply(batch));
  }

  private int removeAll(Map<String, List<IndexEntry>> entries) {
    int count = 0;
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (var e : entries.entrySet()) {
      writes.add(
          new UpdateOneModel<>(
              eq("_id", e.getKey()),
              Updates.pullAll("e", e.getValue().stream().map(IndexEntry::encode).toList())));
      count += e.getValue().size();
    }
    if (!writes.isEmpty()) {
      collection.bulkWrite(writes, UNORDERED);
    }
    return count;
  }

  @Override
  public Map<String, List<IndexEntry>> lookup(Collection<String> keys) {
    Map<String, List<IndexEntry>> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    for (Document document : collection.find(in("_id", keys))) {
      List<String> raw = document.getList("e", String.class);
      if (raw == null || raw.isEmpty()) {
        continue;
      }
      List<IndexEntry> entries = new ArrayList<>(raw.size());
      raw.forEach(s -> entries.add(IndexEntry.decode(s)));
      found.put(document.getString("_id"), entries);
    }
    return found;
  }
}
