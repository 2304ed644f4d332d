package org.taskforce.cases.reporting.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.bson.Document;
import org.taskforce.cases.adapter.mongo.CaseDocuments;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.application.TrainingStore;
import org.taskforce.cases.reporting.domain.TrainingAudience;
import org.taskforce.cases.reporting.domain.TrainingSession;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.VersionedRecords;

/** Sessions in collection {@value #COLLECTION}; {@code sessionAt}: the day's start in the zone. */
public final class MongoTrainingStore extends VersionedRecords<TrainingSession>
    implements TrainingStore, MongoIndexes {
  public static final String COLLECTION = "training_sessions";

  public MongoTrainingStore(MongoDatabase database, ZoneId zone) {
    // Inserted and read only: sessions are never replaced.
    super(
        database.getCollection(COLLECTION),
        session -> toDocument(session, zone),
        MongoTrainingStore::fromDocument);
  }

  @Override
  public Page<TrainingSession> list(int pageSize, String pageToken) {
    return Paging.page(
        collection(),
        new Document(),
        "sessionAt",
        pageSize,
        pageToken,
        MongoTrainingStore::fromDocument);
  }

  @Override
  public void create(MongoDatabase database) {
    database
        .getCollection(COLLECTION)
        .createIndex(Indexes.descending("sessionAt", "_id"), new IndexOptions().name("session"));
  }

  static Document toDocument(TrainingSession s, ZoneId zone) {
    return new Document("_id", s.id())
        .append("title", s.title())
        .append("audience", s.audience().name())
        .append("sessionDate", s.date().toString())
        .append("sessionAt", Date.from(s.date().atStartOfDay(zone).toInstant()))
        .append("attendees", s.attendees())
        .append("agencyId", s.agencyId())
        .append("created", CaseDocuments.stamp(s.created()));
  }

  static TrainingSession fromDocument(Document d) {
    return new TrainingSession(
        d.getString("_id"),
        d.getString("title"),
        TrainingAudience.valueOf(d.getString("audience")),
        LocalDate.parse(d.getString("sessionDate")),
        d.getInteger("attendees", 0),
        d.getString("agencyId"),
        CaseDocuments.stamp(d.get("created", Document.class)));
  }
}
