package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
import org.taskforce.deconfliction.application.Page;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/** Conflicts in collection {@value #COLLECTION}, {@code _id} = the pair's deterministic id. */
public final class MongoConflictStore implements ConflictStore, MongoIndexes {
  public static final String COLLECTION = "conflicts";
  private final MongoCollection<Document> collection;

  public MongoConflictStore(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public boolean insertIfAbsent(Conflict c) {
    return MongoInserts.insertIfAbsent(collection, toDocument(c));
  }

  @Override
  public Optional<Conflict> find(String id) {
    return Optional.ofNullable(collection.find(eq("_id", id)).first())
        .map(MongoConflictStore::fromDocument);
  }

  @Override
  public boolean exists(String id) {
    return collection.find(eq("_id", id)).projection(new Document("_id", 1)).first() != null;
  }

  @Override
  public boolean replace(Conflict c, long expectedVersion) {
    return collection
            .replaceOne(and(eq("_id", c.id()), eq("version", expectedVersion)), toDocument(c))
            .getModifiedCount()
        == 1;
  }

  @Override
  public Page<Conflict> list(
      String agencyId,
      Set<Conflict.Status> statuses,
      Set<Conflict.Kind> kinds,
      int size,
      String token) {
    List<Bson> filters = new ArrayList<>();
    if (agencyId != null) {
      filters.add(eq("agencies", agencyId));
    }
    if (!statuses.isEmpty()) {
      filters.add(in("status", statuses.stream().map(Enum::name).toList()));
    }
    if (!kinds.isEmpty()) {
      filters.add(in("kind", kinds.stream().map(Enum::name).toList()));
    }
    int pageSize = Documents.pageSize(size);
    int offset = Documents.offset(token);
    List<Conflict> items = new ArrayList<>();
    collection
        .find(filters.isEmpty() ? new Document() : and(filters))
        .sort(Sorts.orderBy(Sorts.descending("createTime"), Sorts.ascending("_id")))
        .skip(offset)
        .limit(pageSize)
        .forEach(d -> items.add(fromDocument(d)));
    return new Page<>(items, Documents.token(offset, items.size(), pageSize));
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("agencies", "status"), Indexes.descending("createTime")),
        new IndexOptions().name("agencies_status_created"));
    c.createIndex(
        Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createTime")),
        new IndexOptions().name("status_created"));
  }

  static Document side(Conflict.Side s) {
    return new Document("agency", Documents.agency(s.agency()))
        .append("registrationId", s.registrationId())
        .append("contact", Documents.contact(s.contact()))
        .append("disclosure", s.disclosure().name())
        .append("acknowledged", Documents.stamp(s.acknowledged()));
  }

  static Conflict.Side side(Document d) {
    return new Conflict.Side(
        Documents.agency(d.get("agency", Document.class)),
        d.getString("registrationId"),
        Documents.contact(d.get("contact", Document.class)),
        Disclosure.valueOf(d.getString("disclosure")),
        Documents.stamp(d.get("acknowledged", Document.class)));
  }

  static Document toDocument(Conflict c) {
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
        .append("deadline", Documents.date(c.deadline()))
        .append("resolution", c.resolution() == null ? null : c.resolution().name())
        .append("resolutionNote", c.resolutionNote())
        .append("resolved", Documents.stamp(c.resolved()))
        .append("createTime", Documents.date(c.createTime()))
        .append("escalated", c.escalated())
        .append("version", c.version());
  }

  static Conflict fromDocument(Document d) {
    List<Conflict.Side> sides = new ArrayList<>();
    d.getList("sides", Document.class).forEach(s -> sides.add(side(s)));
    String resolution = d.getString("resolution");
    return new Conflict(
        d.getString("_id"),
        Conflict.Kind.valueOf(d.getString("kind")),
        Tier.valueOf(d.getString("tier")),
        d.getDouble("score"),
        d.getList("reasons", String.class),
        Conflict.Status.valueOf(d.getString("status")),
        sides,
        Documents.instant(d.getDate("deadline")),
        resolution == null ? null : Conflict.Resolution.valueOf(resolution),
        d.getString("resolutionNote"),
        Documents.stamp(d.get("resolved", Document.class)),
        Documents.instant(d.getDate("createTime")),
        d.getBoolean("escalated", false),
        d.get("version", Number.class).longValue());
  }
}
