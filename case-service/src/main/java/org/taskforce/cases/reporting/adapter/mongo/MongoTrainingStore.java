package org.taskforce.cases.reporting.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.application.TrainingStore;
import org.taskforce.cases.reporting.domain.TrainingAudience;
import org.taskforce.cases.reporting.domain.TrainingSession;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/** Sessions in collection {@value #COLLECTION}; {@code sessionAt}: the day's start in the zone. */
public final class MongoTrainingStore implements TrainingStore, MongoIndexes {
  public static final String COLLECTION = "training_sessions";
  private final MongoCollection<Document> sessions;
  private final ZoneId zone;

  public MongoTrainingStore(MongoDatabase database, ZoneId zone) {
    this.sessions = database.getCollection(COLLECTION);
    this.zone = zone;
  }

  @Override
  public boolean insertIfAbsent(TrainingSession s) {
    return MongoInserts.insertIfAbsent(sessions, toDocument(s));
  }

  @Override
  public Optional<TrainingSession> get(String id) {
    return MongoDocuments.byId(sessions, id, this::fromDocument);
  }

  @Override
  public Page<TrainingSession> list(int pageSize, String pageToken) {
    return Paging.page(
        sessions, new Document(), "sessionAt", pageSize, pageToken, this::fromDocument);
  }

  @Override
  public void create(MongoDatabase database) {
    database
        .getCollection(COLLECTION)
        .createIndex(Indexes.descending("sessionAt", "_id"), new IndexOptions().name("session"));
  }

  Document toDocument(TrainingSession s) {
    return new Document("_id", s.id())
        .append("title", s.title())
        .append("audience", s.audience().name())
        .append("sessionDate", s.date().toString())
        .append("sessionAt", Date.from(s.date().atStartOfDay(zone).toInstant()))
        .append("attendees", s.attendees())
        .append("agencyId", s.agencyId())
        .append("created", Stamps.toDocument(s.created()));
  }

  TrainingSession fromDocument(Document d) {
    return new TrainingSession(
        d.getString("_id"),
        d.getString("title"),
        TrainingAudience.valueOf(d.getString("audience")),
        LocalDate.parse(d.getString("sessionDate")),
        d.getInteger("attendees", 0),
        d.getString("agencyId"),
        Stamps.fromDocument(d.get("created", Document.class)));
  }
}
