package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.taskforce.deconfliction.application.SubjectVersionFloors;

/** Floors in collection {@value #COLLECTION}, {@code {_id: registration id, floor: long}}. */
public final class MongoSubjectVersionFloors implements SubjectVersionFloors {
  public static final String COLLECTION = "subject_state_floors";
  private final MongoCollection<Document> collection;

  public MongoSubjectVersionFloors(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public long of(String registrationId) {
    Document document = collection.find(eq("_id", registrationId)).first();
    return document == null ? 0 : ((Number) document.get("floor")).longValue();
  }

  @Override
  public void raise(String registrationId, long by) {
    if (by <= 0) {
      throw new IllegalArgumentException("a floor only goes up: " + by);
    }
    collection.updateOne(
        eq("_id", registrationId), Updates.inc("floor", by), new UpdateOptions().upsert(true));
  }

  @Override
  public void forget(String registrationId) {
    collection.deleteOne(eq("_id", registrationId));
  }
}
