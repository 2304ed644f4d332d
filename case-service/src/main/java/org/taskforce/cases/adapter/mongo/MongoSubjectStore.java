package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.SubjectStore;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Subject;
import org.taskforce.cases.domain.SubjectKind;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/** Case subjects in collection {@code subjects}; selectors kept as readable documents. */
public final class MongoSubjectStore implements SubjectStore, MongoIndexes {
  static final String COLLECTION = "subjects";
  private final MongoCollection<Document> subjects;

  public MongoSubjectStore(MongoDatabase database) {
    this.subjects = database.getCollection(COLLECTION);
  }

  @Override
  public boolean insertIfAbsent(Subject s) {
    return MongoInserts.insertIfAbsent(subjects, toDocument(s));
  }

  @Override
  public Optional<Subject> get(String id) {
    return Documents.byId(subjects, id, MongoSubjectStore::fromDocument);
  }

  @Override
  public boolean setRegistration(
      String id, String registrationId, DeconflictionState state, String detail) {
    boolean live =
        subjects
                .updateOne(
                    and(eq("_id", id), eq("removed", null)),
                    Updates.combine(
                        Updates.set("registrationId", registrationId),
                        Updates.set("state", state.name()),
                        Updates.set("stateDetail", detail)))
                .getMatchedCount()
            == 1;
    if (!live && !registrationId.isEmpty()) {
      subjects.updateOne(eq("_id", id), Updates.set("registrationId", registrationId));
    }
    return live;
  }

  @Override
  public boolean markRemoved(String id, Stamp removed) {
    return subjects
            .updateOne(
                and(eq("_id", id), eq("removed", null)),
                Updates.combine(
                    Updates.set("removed", Documents.stamp(removed)),
                    Updates.set("state", DeconflictionState.WITHDRAWN.name())))
            .getModifiedCount()
        == 1;
  }

  @Override
  public void delete(String id) {
    subjects.deleteOne(eq("_id", id));
  }

  @Override
  public Page<Subject> list(String caseId, int pageSize, String pageToken) {
    return Documents.page(
        subjects, eq("caseId", caseId), pageSize, pageToken, MongoSubjectStore::fromDocument);
  }

  @Override
  public void create(MongoDatabase database) {
    Documents.caseIndex(database, COLLECTION);
  }

  static Document toDocument(Subject s) {
    return new Document("_id", s.id())
        .append("caseId", s.caseId())
        .append("kind", s.kind().name())
        .append("displayName", s.displayName())
        .append("selectors", s.selectors().stream().map(Document::parse).toList())
        .append("disclosure", s.disclosure())
        .append("contact", Documents.contact(s.contact()))
        .append("state", s.state().name())
        .append("registrationId", s.registrationId())
        .append("stateDetail", s.stateDetail())
        .append("created", Documents.stamp(s.created()))
        .append("removed", Documents.stamp(s.removed()))
        .append(Documents.SORT_TIME, Date.from(s.created().time()));
  }

  static Subject fromDocument(Document d) {
    List<String> selectors =
        d.getList("selectors", Document.class).stream().map(Document::toJson).toList();
    return new Subject(
        d.getString("_id"),
        d.getString("caseId"),
        SubjectKind.valueOf(d.getString("kind")),
        d.getString("displayName"),
        selectors,
        d.getString("disclosure"),
        Documents.contact(d.get("contact", Document.class)),
        DeconflictionState.valueOf(d.getString("state")),
        d.getString("registrationId"),
        d.getString("stateDetail"),
        Documents.stamp(d.get("created", Document.class)),
        Documents.stamp(d.get("removed", Document.class)));
  }
}
