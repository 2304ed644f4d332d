package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.application.ConflictStore;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.TalliedRecords;

/** Conflicts in collection {@value #COLLECTION}, {@code _id} = the pair's deterministic id. */
public final class MongoConflictStore extends TalliedRecords<Conflict>
    implements ConflictStore, MongoIndexes {
  public static final String COLLECTION = "conflicts";
  private final DisclosurePolicy policy;

  /**
   * @param policy who may read a conflict; stored with it as {@code readers} for the list query
   */
  public MongoConflictStore(MongoDatabase database, DisclosurePolicy policy) {
    super(
        database,
        COLLECTION,
        conflict -> toDocument(conflict, policy),
        MongoConflictStore::fromDocument);
    this.policy = policy;
  }

  @Override
  public Optional<Conflict> find(String id) {
    return get(id);
  }

  @Override
  public boolean exists(String id) {
    return MongoDocuments.exists(collection(), id);
  }

  /** Loads many conflicts at once (migrations from another system, benchmarks): plain inserts. */
  public void importAll(List<Conflict> batch) {
    if (!batch.isEmpty()) {
      collection().insertMany(batch.stream().map(this::document).toList());
      tallies().bulkWritten(); // counted by a rebuild, not one by one
    }
  }

  @Override
  public List<Conflict> list(
      String reader,
      Set<Conflict.Status> statuses,
      Set<Conflict.Kind> kinds,
      List<String> position,
      int limit) {
    List<Bson> filters = new ArrayList<>();
    if (reader != null) {
      filters.add(eq("readers", reader));
    }
    RegistrationDocuments.addIn(filters, "status", statuses);
    RegistrationDocuments.addIn(filters, "kind", kinds);
    return RegistrationDocuments.page(
        collection(),
        filters,
        "createTime",
        true,
        position,
        limit,
        MongoConflictStore::fromDocument);
  }

  @Override
  public List<Conflict> dueForEscalation(java.time.Instant by, int limit) {
    return collection()
        .find(
            and(
                Filters.ne("status", Conflict.Status.RESOLVED.name()),
                Filters.ne("escalated", true),
                // Someone must still be waiting: conflicts every side acknowledged would otherwise
                // stay first in line forever and hold back the rest.
                Filters.elemMatch("sides", Filters.eq("acknowledged", null)),
                Filters.lte("deadline", RegistrationDocuments.date(by))))
        .sort(Sorts.ascending("deadline"))
        .limit(limit)
        .map(MongoConflictStore::fromDocument)
        .into(new ArrayList<>());
  }

  @Override
  public List<Conflict> forRegistration(String registrationId) {
    return MongoDocuments.matching(
        collection(), eq("sides.registrationId", registrationId), MongoConflictStore::fromDocument);
  }

  @Override
  public boolean delete(String id, long expectedVersion) {
    tallies()
        .intendRemoval(
            collection().find(and(eq("_id", id), eq("version", expectedVersion))).first());
    return MongoDocuments.deleteAt(collection(), id, expectedVersion);
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    // Conflicts stored before readers were recorded get them now, so lists select by them.
    c.find(Filters.exists("readers", false))
        .forEach(document -> {
          Conflict conflict = fromDocument(document);
          c.updateOne(
              eq("_id", conflict.id()),
              new Document("$set", new Document("readers", List.copyOf(policy.readers(conflict)))));
        });
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("readers", "status"), Indexes.descending("createTime")),
        new IndexOptions().name("readers_status_created"));
    c.createIndex(
        Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createTime")),
        new IndexOptions().name("status_created"));
    // A withdrawal or purge finds a registration's conflicts by side; the escalation sweep walks
    // unresolved conflicts by deadline. The embedded server scans; a real MongoDB needs these.
    c.createIndex(Indexes.ascending("sides.registrationId"), new IndexOptions().name("side"));
    c.createIndex(Indexes.ascending("deadline"), new IndexOptions().name("deadline"));
  }

  static Document side(Conflict.Side s) {
    return new Document("agency", RegistrationDocuments.agency(s.agency()))
        .append("registrationId", s.registrationId())
        .append("contact", RegistrationDocuments.contact(s.contact()))
        .append("disclosure", s.disclosure().name())
        .append("acknowledged", RegistrationDocuments.stamp(s.acknowledged()))
        .append("acknowledgementNote", s.acknowledgementNote());
  }

  static Conflict.Side side(Document document) {
    return new Conflict.Side(
        RegistrationDocuments.agency(document.get("agency", Document.class)),
        document.getString("registrationId"),
        RegistrationDocuments.contact(document.get("contact", Document.class)),
        Disclosure.valueOf(document.getString("disclosure")),
        RegistrationDocuments.stamp(document.get("acknowledged", Document.class)),
        document.getString("acknowledgementNote"));
  }

  static Document toDocument(Conflict c, DisclosurePolicy policy) {
    List<Document> sides = new ArrayList<>();
    List<String> agencies = new ArrayList<>();
    for (Conflict.Side s : c.sides()) {
      sides.add(side(s));
      agencies.add(s.agency().id());
    }
    return new Document("_id", c.id())
        .append("kind", c.kind().name())
        .append("tier", c.tier().name())
        .append("score", c.score())
        .append("reasons", c.reasons())
        .append("status", c.status().name())
        .append("sides", sides)
        .append("agencies", agencies)
        .append("readers", List.copyOf(policy.readers(c)))
        .append("deadline", RegistrationDocuments.date(c.deadline()))
        .append("resolution", c.resolution() == null ? null : c.resolution().name())
        .append("resolutionNote", c.resolutionNote())
        .append("resolved", RegistrationDocuments.stamp(c.resolved()))
        .append("createTime", RegistrationDocuments.date(c.createTime()))
        .append("escalated", c.escalated())
        .append("version", c.version());
  }

  static Conflict fromDocument(Document document) {
    List<Conflict.Side> sides = new ArrayList<>();
    document.getList("sides", Document.class).forEach(s -> sides.add(side(s)));
    String resolution = document.getString("resolution");
    return new Conflict(
        document.getString("_id"),
        Conflict.Kind.valueOf(document.getString("kind")),
        Tier.valueOf(document.getString("tier")),
        document.getDouble("score"),
        document.getList("reasons", String.class),
        Conflict.Status.valueOf(document.getString("status")),
        sides,
        RegistrationDocuments.instant(document.getDate("deadline")),
        resolution == null ? null : Conflict.Resolution.valueOf(resolution),
        document.getString("resolutionNote"),
        RegistrationDocuments.stamp(document.get("resolved", Document.class)),
        RegistrationDocuments.instant(document.getDate("createTime")),
        document.getBoolean("escalated", false),
        document.get("version", Number.class).longValue());
  }
}
