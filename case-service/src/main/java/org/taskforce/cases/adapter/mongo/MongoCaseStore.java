package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.application.CaseQuery;
import org.taskforce.cases.application.CaseStore;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.domain.CaseChange;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.Sequences;
import org.taskforce.platform.mongo.VersionedRecords;

/**
 * Cases in collection {@code cases}, one document each with its participants embedded, so a case
 * and its participants change in one atomic write (the lead hand-off never leaves zero or two
 * leads). {@code members} lists the agencies that may see the case, for ListCases.
 */
public final class MongoCaseStore extends VersionedRecords<JointCase>
    implements CaseStore, MongoIndexes {
  static final String COLLECTION = "cases";
  private final Sequences sequences;
  private final MongoCollection<Document> numbers;

  public MongoCaseStore(MongoDatabase database) {
    super(
        database.getCollection(COLLECTION),
        MongoCaseStore::toDocument,
        MongoCaseStore::fromDocument);
    this.sequences = new Sequences(database, "sequences");
    this.numbers = database.getCollection("case_numbers");
  }

  /** Loads many cases at once (migrations from another system, benchmarks): plain inserts. */
  public void importAll(List<JointCase> batch) {
    if (!batch.isEmpty()) {
      collection().insertMany(batch.stream().map(MongoCaseStore::toDocument).toList());
    }
  }

  @Override
  public Page<JointCase> list(CaseQuery q, int pageSize, String pageToken) {
    List<Bson> filters = new ArrayList<>();
    if (q.visibleTo() != null) {
      filters.add(eq("members", q.visibleTo()));
    }
    if (q.agencyId() != null) {
      filters.add(eq("members", q.agencyId()));
    }
    if (!q.statuses().isEmpty()) {
      filters.add(in("status", q.statuses().stream().map(Enum::name).toList()));
    }
    if (!q.types().isEmpty()) {
      filters.add(in("type", q.types().stream().map(Enum::name).toList()));
    }
    if (q.titleContains() != null) {
      filters.add(regex("title", literal(q.titleContains()), "i"));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    return KeysetPages.page(
        collection(), filter, pageSize, pageToken, MongoCaseStore::fromDocument);
  }

  /**
   * A regular expression matching {@code text} literally. A BSON regex is a C string, so a NUL
   * cannot travel inside {@code \Q…\E}: it is written as the escape {@code \x00} between quoted
   * runs, which both MongoDB's PCRE and Java's {@link Pattern} read as that character.
   */
  static String literal(String text) {
    return Arrays.stream(text.split("\u0000", -1))
        .map(run -> run.isEmpty() ? "" : Pattern.quote(run))
        .collect(Collectors.joining("\\x00"));
  }

  @Override
  public long nextNumber(String sequence) {
    return sequences.claim(sequence, numbers, n -> new Document("_id", sequence + ":" + n));
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("members"), Indexes.descending(KeysetPages.SORT_TIME, "_id")),
        new IndexOptions().name("members_created"));
    c.createIndex(
        Indexes.descending(KeysetPages.SORT_TIME, "_id"), new IndexOptions().name("created"));
    c.createIndex(Indexes.ascending("number"), new IndexOptions().name("number").unique(true));
    c.createIndex(
        Indexes.compoundIndex(Indexes.ascending("activeAgencies"), Indexes.ascending("createdAt")),
        new IndexOptions().name("active_created"));
    // Cases stored before the report fields existed get them now.
    c.find(com.mongodb.client.model.Filters.exists("activeAgencies", false))
        .forEach(document ->
            c.replaceOne(eq("_id", document.get("_id")), toDocument(fromDocument(document))));
  }

  static Document toDocument(JointCase c) {
    List<Document> participants = new ArrayList<>();
    for (Participant p : c.participants()) {
      participants.add(
          new Document("agencyId", p.agencyId())
              .append("agencyName", p.agencyName())
              .append("agencyType", p.agencyType())
              .append("role", p.role().name())
              .append("status", p.status().name())
              .append("contact", CaseDocuments.contact(p.contact()))
              .append("invited", CaseDocuments.stamp(p.invited()))
              .append("responded", CaseDocuments.stamp(p.responded())));
    }
    return new Document("_id", c.id())
        .append("number", c.number())
        .append("title", c.title())
        .append("type", c.type().name())
        .append("status", c.status().name())
        .append("jurisdictions", c.jurisdictions())
        .append("summary", c.summary())
        .append("industries", c.industries().stream().map(Enum::name).toList())
        .append("participants", participants)
        .append("members", c.memberAgencies())
        .append("reviewDate", CaseDocuments.date(c.reviewDate()))
        .append("created", CaseDocuments.stamp(c.created()))
        .append("updated", CaseDocuments.stamp(c.updated()))
        .append(KeysetPages.SORT_TIME, Date.from(c.created().time()))
        .append("version", c.version())
        .append("history", c.history().stream().map(MongoCaseStore::change).toList())
        .append("activeAgencies", c.activeAgencies())
        .append("leadAgencyId", lead(c).map(Participant::agencyId).orElse(""))
        .append("leadAgencyType", lead(c).map(Participant::agencyType).orElse(""))
        .append("closedAt", closedAt(c))
        // in the same write as the change: the report's day tallies still have to count it
        .append("tallyPending", true);
  }

  // Derived fields for reports (written with every change, never read back into the domain).

  private static Optional<Participant> lead(JointCase c) {
    return c.participants().stream()
        .filter(p -> p.isActive() && p.role() == ParticipantRole.LEAD)
        .findFirst();
  }

  /**
   * When a closed case was closed: its last status change (a closed case takes no other), or its
   * last update if the history no longer holds it.
   */
  static Date closedAt(JointCase c) {
    if (c.status() != CaseStatus.CLOSED) {
      return null;
    }
    for (int i = c.history().size() - 1; i >= 0; i--) {
      CaseChange change = c.history().get(i);
      if ("CASE_STATUS_CHANGED".equals(change.action()) && change.actor() != null) {
        return Date.from(change.actor().time());
      }
    }
    return Date.from(c.updated().time());
  }

  private static Document change(CaseChange change) {
    return new Document("id", change.id())
        .append("version", change.version())
        .append("action", change.action())
        .append("summary", change.summary())
        .append("reason", change.reason())
        .append("actor", CaseDocuments.stamp(change.actor()));
  }

  private static CaseChange change(Document document) {
    return new CaseChange(
        document.getString("id"),
        ((Number) document.get("version")).longValue(),
        document.getString("action"),
        document.getString("summary"),
        document.getString("reason"),
        CaseDocuments.stamp(document.get("actor", Document.class)));
  }

  static JointCase fromDocument(Document document) {
    List<Participant> participants = new ArrayList<>();
    for (Document p : document.getList("participants", Document.class)) {
      participants.add(
          new Participant(
              p.getString("agencyId"),
              p.getString("agencyName"),
              p.getString("agencyType"),
              ParticipantRole.valueOf(p.getString("role")),
              ParticipantStatus.valueOf(p.getString("status")),
              CaseDocuments.contact(p.get("contact", Document.class)),
              CaseDocuments.stamp(p.get("invited", Document.class)),
              CaseDocuments.stamp(p.get("responded", Document.class))));
    }
    return new JointCase(
        document.getString("_id"),
        document.getString("number"),
        document.getString("title"),
        CaseType.valueOf(document.getString("type")),
        CaseStatus.valueOf(document.getString("status")),
        document.getList("jurisdictions", String.class),
        document.getString("summary"),
        participants,
        CaseDocuments.date(document.getString("reviewDate")),
        CaseDocuments.stamp(document.get("created", Document.class)),
        CaseDocuments.stamp(document.get("updated", Document.class)),
        ((Number) document.get("version")).longValue(),
        document.getList("history", Document.class, List.of()).stream()
            .map(MongoCaseStore::change)
            .toList(),
        document.getList("industries", String.class, List.of()).stream()
            .map(org.taskforce.cases.intake.domain.Industry::valueOf)
            .toList());
  }
}
