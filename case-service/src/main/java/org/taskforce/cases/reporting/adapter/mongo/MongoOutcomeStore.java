package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

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
import org.taskforce.cases.reporting.application.OutcomeStore;
import org.taskforce.cases.reporting.domain.ChargeCategory;
import org.taskforce.cases.reporting.domain.OutcomeKind;
import org.taskforce.cases.reporting.domain.SubjectOutcome;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/**
 * Outcomes in collection {@value #COLLECTION}, one document each (append-only). {@code occurAt} is
 * the start of the outcome's day in the task force's zone, so reports select by instant like every
 * other record.
 */
public final class MongoOutcomeStore implements OutcomeStore, MongoIndexes {
  public static final String COLLECTION = "subject_outcomes";
  private final MongoCollection<Document> outcomes;
  private final ZoneId zone;

  public MongoOutcomeStore(MongoDatabase database, ZoneId zone) {
    this.outcomes = database.getCollection(COLLECTION);
    this.zone = zone;
  }

  @Override
  public boolean insertIfAbsent(SubjectOutcome o) {
    return MongoInserts.insertIfAbsent(outcomes, toDocument(o));
  }

  @Override
  public Optional<SubjectOutcome> get(String id) {
    return MongoDocuments.byId(outcomes, id, this::fromDocument);
  }

  @Override
  public Page<SubjectOutcome> list(String subjectId, int pageSize, String pageToken) {
    return Paging.page(
        outcomes, eq("subjectId", subjectId), "createdAt", pageSize, pageToken, this::fromDocument);
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("subjectId"), Indexes.descending("createdAt", "_id")),
        new IndexOptions().name("subject_created"));
    c.createIndex(
        Indexes.compoundIndex(Indexes.ascending("kind"), Indexes.ascending("occurAt")),
        new IndexOptions().name("kind_occurred"));
  }

  Document toDocument(SubjectOutcome o) {
    return new Document("_id", o.id())
        .append("caseId", o.caseId())
        .append("subjectId", o.subjectId())
        .append("kind", o.kind().name())
        .append("occurDate", o.occurred().toString())
        .append("occurAt", Date.from(o.occurred().atStartOfDay(zone).toInstant()))
        .append("statute", o.statute())
        .append("category", o.category().name())
        .append("sentenceMonths", o.sentenceMonths())
        .append("created", Stamps.toDocument(o.created()))
        .append("createdAt", Date.from(o.created().time()));
  }

  SubjectOutcome fromDocument(Document d) {
    return new SubjectOutcome(
        d.getString("_id"),
        d.getString("caseId"),
        d.getString("subjectId"),
        OutcomeKind.valueOf(d.getString("kind")),
        LocalDate.parse(d.getString("occurDate")),
        d.getString("statute"),
        ChargeCategory.valueOf(d.getString("category")),
        d.getInteger("sentenceMonths", 0),
        Stamps.fromDocument(d.get("created", Document.class)));
  }
}
