package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.application.PendingRegistrations;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.platform.mongo.MongoIndexes;

/** Registrations in flight in collection {@value #COLLECTION}, {@code _id} = registration id. */
public final class MongoPendingRegistrations implements PendingRegistrations, MongoIndexes {
  public static final String COLLECTION = "pending_registrations";
  private final MongoCollection<Document> collection;

  public MongoPendingRegistrations(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public PreparedCheck beginCheck(
      String checkId, Instant now, TargetRegistration target, EventRegistration operation) {
    // One document: the check's target and operation are recorded together or not at all.
    // The recorded copies come back from the same write: a sweep that finishes the check between
    // this write and a second read cannot leave a retry without them.
    Document document =
        collection.findOneAndUpdate(
            eq("_id", checkId),
            Updates.combine(
                Updates.set("kind", Kind.CHECK.name()),
                Updates.set("since", RegistrationDocuments.date(now)),
                Updates.setOnInsert("target", MongoTargetStore.toDocument(target)),
                Updates.setOnInsert("operation", MongoEventStore.toDocument(operation))),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return prepared(document).orElseThrow();
  }

  @Override
  public Optional<PreparedCheck> check(String checkId) {
    return prepared(collection.find(eq("_id", checkId)).first());
  }

  private Optional<PreparedCheck> prepared(Document document) {
    if (document == null || !document.containsKey("target") || !document.containsKey("operation")) {
      return Optional.empty();
    }
    return Optional.of(
        new PreparedCheck(
            MongoTargetStore.fromDocument(document.get("target", Document.class)),
            MongoEventStore.fromDocument(document.get("operation", Document.class))));
  }

  @Override
  public void begin(
      Kind kind, String registrationId, Instant now, Map<String, IndexEntry> retired) {
    List<Document> entries = new ArrayList<>();
    retired.forEach((key, e) -> entries.add(new Document("k", key).append("e", e.encode())));
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.set("kind", kind.name()));
    updates.add(Updates.set("since", RegistrationDocuments.date(now)));
    if (!entries.isEmpty()) {
      updates.add(Updates.addEachToSet("retired", entries));
    }
    collection.updateOne(
        eq("_id", registrationId), Updates.combine(updates), new UpdateOptions().upsert(true));
  }

  @Override
  public List<Retired> retired(String registrationId) {
    Document document = collection.find(eq("_id", registrationId)).first();
    List<Retired> out = new ArrayList<>();
    if (document != null && document.containsKey("retired")) {
      for (Document r : document.getList("retired", Document.class)) {
        out.add(new Retired(r.getString("k"), IndexEntry.decode(r.getString("e"))));
      }
    }
    return out;
  }

  @Override
  public void finish(String registrationId) {
    collection.deleteOne(eq("_id", registrationId));
  }

  @Override
  public List<Pending> since(Instant before, int limit) {
    List<Pending> out = new ArrayList<>();
    collection
        .find(lte("since", RegistrationDocuments.date(before)))
        .sort(Sorts.ascending("since"))
        .limit(limit)
        .forEach(document ->
            out.add(
                new Pending(
                    Kind.valueOf(document.getString("kind")),
                    document.getString("_id"),
                    RegistrationDocuments.instant(document.getDate("since")))));
    return out;
  }

  @Override
  public void create(MongoDatabase database) {
    database
        .getCollection(COLLECTION)
        .createIndex(Indexes.ascending("since"), new IndexOptions().name("since"));
  }
}
