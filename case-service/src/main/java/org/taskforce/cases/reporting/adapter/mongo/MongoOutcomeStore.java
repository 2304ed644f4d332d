package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.bson.Document;
import org.taskforce.cases.adapter.mongo.CaseDocuments;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.application.OutcomeStore;
import org.taskforce.cases.reporting.domain.ChargeCategory;
import org.taskforce.cases.reporting.domain.OutcomeKind;
import org.taskforce.cases.reporting.domain.SubjectOutcome;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.VersionedRecords;

/**
 * Outcomes in collection {@value #COLLECTION}, one document each (append-only). {@code occurAt} is
 * the start of the outcome's day in the task force's zone, so reports select by instant like every
 * other record.
 */
public final class MongoOutcomeStore extends VersionedRecords<SubjectOutcome>
    implements OutcomeStore, MongoIndexes {
  public static final String COLLECTION = "subject_outcomes";

  public MongoOutcomeStore(MongoDatabase database, ZoneId zone) {
    // Inserted and read only: outcomes are never replaced.
    super(
        database.getCollection(COLLECTION),
        outcome -> toDocument(outcome, zone),
        MongoOutcomeStore::fromDocument);
  }

  @Override
  public Page<SubjectOutcome> list(String subjectId, int pageSize, String pageToken) {
    return Paging.page(
        collection(),
        eq("subjectId", subjectId),
        "createdAt",
        pageSize,
        pageToken,
        MongoOutcomeStore::fromDocument);
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

  static Document toDocument(SubjectOutcome o, ZoneId zone) {
    return new Document("_id", o.id())
        .append("caseId", o.caseId())
        .append("subjectId", o.subjectId())
        .append("kind", o.kind().name())
        .append("occurDate", o.occurred().toString())
        .append("occurAt", Date.from(o.occurred().atStartOfDay(zone).toInstant()))
        .append("statute", o.statute())
        .append("category", o.category().name())
        .append("sentenceMonths", o.sentenceMonths())
        .append("created", CaseDocuments.stamp(o.created()))
        .append("createdAt", Date.from(o.created().time()));
  }

  static SubjectOutcome fromDocument(Document d) {
    return new SubjectOutcome(
        d.getString("_id"),
        d.getString("caseId"),
        d.getString("subjectId"),
        OutcomeKind.valueOf(d.getString("kind")),
        LocalDate.parse(d.getString("occurDate")),
        d.getString("statute"),
        ChargeCategory.valueOf(d.getString("category")),
        d.getInteger("sentenceMonths", 0),
        CaseDocuments.stamp(d.get("created", Document.class)));
  }
}
