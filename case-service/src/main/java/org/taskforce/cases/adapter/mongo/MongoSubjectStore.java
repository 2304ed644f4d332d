package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.SubjectStore;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Subject;
import org.taskforce.cases.domain.SubjectKind;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Case subjects in collection {@code subjects}; selectors kept as readable documents, with the user
 * their registration acts for ({@code registrant}) and whether a removed subject's withdrawal was
 * confirmed ({@code withdrawn}).
 */
public final class MongoSubjectStore implements SubjectStore, MongoIndexes {
  static final String COLLECTION = "subjects";
  private final MongoCollection<Document> subjects;

  public MongoSubjectStore(MongoDatabase database) {
    this.subjects = database.getCollection(COLLECTION);
  }

  @Override
  public boolean insertIfAbsent(Subject s, AgencyPrincipal registrant) {
    return MongoInserts.insertIfAbsent(
        subjects,
        toDocument(s).append("registrant", OutboxRegistrationQueue.actorDocument(registrant)));
  }

  @Override
  public Optional<Subject> get(String id) {
    return MongoDocuments.byId(subjects, id, MongoSubjectStore::fromDocument);
  }

  @Override
  public Optional<AgencyPrincipal> registrant(String id) {
    return Optional.ofNullable(subjects.find(eq("_id", id)).first())
        .map(document -> document.get("registrant", Document.class))
        .map(OutboxRegistrationQueue::actor);
  }

  @Override
  public boolean setRegistration(
      String id, String registrationId, DeconflictionState state, String detail, Instant expires) {
    Date expiry = expires == null ? null : Date.from(expires);
    Bson fields =
        Updates.combine(
            Updates.set("registrationId", registrationId),
            Updates.set("stateDetail", detail),
            Updates.set("registrationExpires", expiry));
    // One write either way: the answer's state only where deconfliction has not announced a later
    // one (recordDeconfliction), so no crash leaves a registered subject PENDING.
    boolean live =
        subjects
                    .updateOne(
                        and(eq("_id", id), eq("removed", null), exists("stateVersion", false)),
                        Updates.combine(fields, Updates.set("state", state.name())))
                    .getMatchedCount()
                == 1
            || subjects.updateOne(and(eq("_id", id), eq("removed", null)), fields).getMatchedCount()
                == 1;
    if (!live && !registrationId.isEmpty()) {
      subjects.updateOne(
          eq("_id", id),
          Updates.combine(
              Updates.set("registrationId", registrationId),
              Updates.set("registrationExpires", expiry)));
    }
    return live;
  }

  @Override
  public long deconflictionVersion(String id) {
    Document document =
        subjects.find(eq("_id", id)).projection(new Document("stateVersion", 1)).first();
    Number stateVersion = document == null ? null : document.get("stateVersion", Number.class);
    return stateVersion == null ? 0 : stateVersion.longValue();
  }

  @Override
  public boolean recordDeconfliction(
      String id, String registrationId, DeconflictionState state, long version) {
    return subjects
            .updateOne(
                and(
                    eq("_id", id),
                    eq("removed", null),
                    or(eq("registrationId", ""), eq("registrationId", registrationId)),
                    or(exists("stateVersion", false), lt("stateVersion", version))),
                Updates.combine(
                    Updates.set("registrationId", registrationId),
                    Updates.set("state", state.name()),
                    Updates.set("stateVersion", version)))
            .getMatchedCount()
        == 1;
  }

  @Override
  public void setExpiry(String id, Instant expires) {
    subjects.updateOne(eq("_id", id), Updates.set("registrationExpires", Date.from(expires)));
  }

  @Override
  public boolean markRemoved(String id, Stamp removed, String reason) {
    return subjects
            .updateOne(
                and(eq("_id", id), eq("removed", null)),
                Updates.combine(
                    Updates.set("removed", CaseDocuments.stamp(removed)),
                    Updates.set("removalReason", reason == null ? "" : reason),
                    Updates.set("withdrawn", false),
                    Updates.set("state", DeconflictionState.WITHDRAWN.name())))
            .getModifiedCount()
        == 1;
  }

  @Override
  public void confirmWithdrawn(String id) {
    subjects.updateOne(eq("_id", id), Updates.set("withdrawn", true));
  }

  @Override
  public void delete(String id) {
    subjects.deleteOne(eq("_id", id));
  }

  @Override
  public Page<Subject> list(String caseId, int pageSize, String pageToken) {
    return KeysetPages.page(
        subjects, eq("caseId", caseId), pageSize, pageToken, MongoSubjectStore::fromDocument);
  }

  @Override
  public List<Subject> pendingSince(Instant before, int limit) {
    return find(
        and(
            eq("state", DeconflictionState.PENDING.name()),
            eq("removed", null),
            lt(KeysetPages.SORT_TIME, Date.from(before))),
        limit);
  }

  @Override
  public List<Subject> unconfirmedWithdrawals(Instant before, int limit) {
    return find(
        and(
            ne("removed", null),
            lt("removed.time", Date.from(before)),
            ne("registrationId", ""),
            or(eq("withdrawn", false), exists("withdrawn", false))),
        limit);
  }

  @Override
  public List<Subject> expiringBefore(Instant before, int limit) {
    return find(
        and(
            eq("removed", null),
            ne("registrationId", ""),
            lt("registrationExpires", Date.from(before))),
        limit);
  }

  private List<Subject> find(Bson filter, int limit) {
    List<Subject> found = new ArrayList<>();
    subjects.find(filter).limit(limit).map(MongoSubjectStore::fromDocument).into(found);
    return found;
  }

  @Override
  public void create(MongoDatabase database) {
    CaseDocuments.caseIndex(database, COLLECTION);
    database
        .getCollection(COLLECTION)
        .createIndex(
            com.mongodb.client.model.Indexes.ascending("state", KeysetPages.SORT_TIME),
            new com.mongodb.client.model.IndexOptions().name("state_created"));
    database
        .getCollection(COLLECTION)
        .createIndex(
            com.mongodb.client.model.Indexes.ascending("registrationExpires"),
            new com.mongodb.client.model.IndexOptions().name("registration_expires"));
  }

  static Document toDocument(Subject s) {
    return new Document("_id", s.id())
        .append("caseId", s.caseId())
        .append("kind", s.kind().name())
        .append("displayName", s.displayName())
        .append("selectors", s.selectors().stream().map(Document::parse).toList())
        .append("disclosure", s.disclosure())
        .append("contact", CaseDocuments.contact(s.contact()))
        .append("state", s.state().name())
        .append("registrationId", s.registrationId())
        .append("stateDetail", s.stateDetail())
        .append("created", CaseDocuments.stamp(s.created()))
        .append("removed", CaseDocuments.stamp(s.removed()))
        .append("removalReason", s.removalReason())
        .append(
            "registrationExpires",
            s.registrationExpires() == null ? null : Date.from(s.registrationExpires()))
        .append(KeysetPages.SORT_TIME, Date.from(s.created().time()));
  }

  static Subject fromDocument(Document document) {
    List<String> selectors =
        document.getList("selectors", Document.class).stream().map(Document::toJson).toList();
    return new Subject(
        document.getString("_id"),
        document.getString("caseId"),
        SubjectKind.valueOf(document.getString("kind")),
        document.getString("displayName"),
        selectors,
        document.getString("disclosure"),
        CaseDocuments.contact(document.get("contact", Document.class)),
        DeconflictionState.valueOf(document.getString("state")),
        document.getString("registrationId"),
        document.getString("stateDetail"),
        CaseDocuments.stamp(document.get("created", Document.class)),
        CaseDocuments.stamp(document.get("removed", Document.class)),
        document.getString("removalReason"),
        document.getDate("registrationExpires") == null
            ? null
            : document.getDate("registrationExpires").toInstant());
  }
}
