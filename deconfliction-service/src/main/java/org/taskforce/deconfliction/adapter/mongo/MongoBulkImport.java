package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.platform.mongo.TallyIntents;

/**
 * The bulk path for an initial migration (and the benchmark's preload): writes registrations in
 * batches with {@code insertMany} and their index entries grouped per key, one {@code $addToSet
 * $each} upsert per key and batch. It matches nothing and alerts no one — registrations imported
 * this way are compared with everything registered after them through the API. Audit the import
 * itself where it is run.
 */
public final class MongoBulkImport {
  private static final InsertManyOptions UNORDERED_INSERT = new InsertManyOptions().ordered(false);
  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

  private final MongoCollection<Document> targets;
  private final MongoCollection<Document> events;
  private final TallyIntents eventTallies;
  private final MongoCollection<Document> index;
  private final Matcher matcher;

  public MongoBulkImport(MongoDatabase database, Matcher matcher) {
    this.targets = database.getCollection(MongoTargetStore.COLLECTION);
    this.events = database.getCollection(MongoEventStore.COLLECTION);
    this.eventTallies = new TallyIntents(database, MongoEventStore.COLLECTION);
    this.index = database.getCollection(MongoMatchIndex.COLLECTION);
    this.matcher = matcher;
  }

  public void importTargets(List<TargetRegistration> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Document> docs = new ArrayList<>(batch.size());
    Map<String, Set<String>> entries = new HashMap<>();
    for (TargetRegistration r : batch) {
      docs.add(MongoTargetStore.toDocument(r));
      collect(matcher.entries(r), entries);
    }
    targets.insertMany(docs, UNORDERED_INSERT);
    writeIndex(entries);
  }

  public void importEvents(List<EventRegistration> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Document> docs = new ArrayList<>(batch.size());
    Map<String, Set<String>> entries = new HashMap<>();
    for (EventRegistration r : batch) {
      docs.add(MongoEventStore.toDocument(r));
      collect(matcher.entries(r), entries);
    }
    events.insertMany(docs, UNORDERED_INSERT);
    eventTallies.bulkWritten(); // the report's counts are rebuilt, not kept one by one
    writeIndex(entries);
  }

  private static void collect(Map<String, IndexEntry> from, Map<String, Set<String>> into) {
    from.forEach((key, e) -> into.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.encode()));
  }

  private void writeIndex(Map<String, Set<String>> entries) {
    List<WriteModel<Document>> writes = new ArrayList<>(entries.size());
    entries.forEach((key, values) ->
        writes.add(
            new UpdateOneModel<>(
                eq("_id", key), Updates.addEachToSet("e", new ArrayList<>(values)), UPSERT)));
    for (int from = 0; from < writes.size(); from += 10_000) {
      index.bulkWrite(writes.subList(from, Math.min(writes.size(), from + 10_000)), UNORDERED);
    }
  }
}
