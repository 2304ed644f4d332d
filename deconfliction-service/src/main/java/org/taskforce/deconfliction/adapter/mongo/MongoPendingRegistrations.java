package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.taskforce.deconfliction.application.PendingRegistrations;
import org.taskforce.platform.mongo.MongoIndexes;

/** Registrations in flight in collection {@value #COLLECTION}, {@code _id} = registration id. */
public final class MongoPendingRegistrations implements PendingRegistrations, MongoIndexes {
  public static final String COLLECTION = "pending_registrations";
  private final MongoCollection<Document> collection;

  public MongoPendingRegistrations(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void begin(Kind kind, String registrationId, Instant now) {
    collection.replaceOne(
        eq("_id", registrationId),
        new Document("_id", registrationId)
            .append("kind", kind.name())
            .append("since", Documents.date(now)),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public void finish(String registrationId) {
    collection.deleteOne(eq("_id", registrationId));
  }

  @Override
  public List<Pending> since(Instant before, int limit) {
    List<Pending> out = new ArrayList<>();
    collection
        .find(lte("since", Documents.date(before)))
        .sort(Sorts.ascending("since"))
        .limit(limit)
        .forEach(d ->
            out.add(
                new Pending(
                    Kind.valueOf(d.getString("kind")),
                    d.getString("_id"),
                    Documents.instant(d.getDate("since")))));
    return out;
  }

  @Override
  public void create(MongoDatabase database) {
    database
        .getCollection(COLLECTION)
        .createIndex(Indexes.ascending("since"), new IndexOptions().name("since"));
  }
}
