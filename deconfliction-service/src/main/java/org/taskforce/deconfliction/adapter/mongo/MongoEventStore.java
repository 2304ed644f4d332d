package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.application.EventStore;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;
import org.taskforce.platform.mongo.TallyIntents;

/** Event registrations in collection {@value #COLLECTION}. */
public final class MongoEventStore implements EventStore, MongoIndexes {
  public static final String COLLECTION = "events";
  private final MongoCollection<Document> collection;
  private final TallyIntents tallies;

  public MongoEventStore(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    this.tallies = new TallyIntents(database, COLLECTION);
  }

  // Every write announces itself to the report's counts first (TallyIntents): settled off this
  // path.

  @Override
  public boolean insert(EventRegistration r) {
    tallies.intend(r.id(), r.version());
    return MongoInserts.insertIfAbsent(collection, toDocument(r));
  }

  @Override
  public Optional<EventRegistration> find(String id) {
    return Optional.ofNullable(collection.find(eq("_id", id)).first())
        .map(MongoEventStore::fromDocument);
  }

  @Override
  public List<EventRegistration> findAll(Collection<String> ids) {
    List<EventRegistration> out = new ArrayList<>();
    if (!ids.isEmpty()) {
      collection.find(in("_id", ids)).forEach(d -> out.add(fromDocument(d)));
    }
    return out;
  }

  @Override
  public boolean replace(EventRegistration r, long expectedVersion) {
    tallies.intend(r.id(), Math.max(r.version(), expectedVersion + 1));
    return collection
            .replaceOne(and(eq("_id", r.id()), eq("version", expectedVersion)), toDocument(r))
            .getModifiedCount()
        == 1;
  }

  @Override
  public List<EventRegistration> list(
      String agencyId,
      Set<RegistrationStatus> statuses,
      Instant from,
      Instant to,
      List<String> position,
      int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq("agency.id", agencyId));
    if (!statuses.isEmpty()) {
      filters.add(in("status", statuses.stream().map(Enum::name).toList()));
    }
    if (from != null) {
      filters.add(gt("end", Documents.date(from)));
    }
    if (to != null) {
      filters.add(lt("start", Documents.date(to)));
    }
    List<EventRegistration> items = new ArrayList<>();
    collection
        .find(Documents.andAfter(filters, "start", false, position))
        .sort(Sorts.orderBy(Sorts.ascending("start"), Sorts.ascending("_id")))
        .limit(limit)
        .forEach(d -> items.add(fromDocument(d)));
    return items;
  }

  @Override
  public List<EventRegistration> endedBefore(Instant before, int limit) {
    List<EventRegistration> out = new ArrayList<>();
    collection
        .find(lt("end", Documents.date(before)))
        .limit(limit)
        .forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  @Override
  public void forEachMatchable(Instant now, java.util.function.Consumer<EventRegistration> action) {
    collection
        .find(and(eq("status", RegistrationStatus.ACTIVE.name()), gt("end", Documents.date(now))))
        .forEach(d -> action.accept(fromDocument(d)));
  }

  /** Runs between reading a registration to delete and deleting it (tests: an interleaving). */
  volatile Runnable beforeDelete = () -> {};

  /**
   * Deletes the registration as it was read and announced to the counts: a change landing in
   * between would otherwise be deleted while the counts take out only the older copy (whose removal
   * then loses to the newer state's count), so the delete is tried again on the new copy.
   */
  @Override
  public void delete(String id) {
    for (Document d = collection.find(eq("_id", id)).first(); d != null; ) {
      tallies.intendRemoval(d);
      beforeDelete.run();
      if (collection
              .deleteOne(and(eq("_id", id), eq("version", d.get("version"))))
              .getDeletedCount()
          == 1) {
        return;
      }
      d = collection.find(eq("_id", id)).first();
    }
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    c.createIndex(
        Indexes.ascending("agency.id", "status", "start"),
        new IndexOptions().name("agency_status_start"));
    c.createIndex(Indexes.ascending("end"), new IndexOptions().name("end"));
  }

  static Document toDocument(EventRegistration r) {
    EventPlan p = r.plan();
    return new Document("_id", r.id())
        .append("agency", Documents.agency(r.agency()))
        .append("type", r.type().name())
        .append("lat", p.latitude())
        .append("lon", p.longitude())
        .append("radius", p.radiusMeters())
        .append("start", Documents.date(p.start()))
        .append("end", Documents.date(p.end()))
        .append("address", Documents.address(r.address()))
        .append("contact", Documents.contact(r.contact()))
        .append("linkedTargets", r.linkedTargetIds())
        .append("caseReference", r.caseReference())
        .append("disclosure", r.disclosure().name())
        .append("status", r.status().name())
        .append("created", Documents.stamp(r.created()))
        .append("updated", Documents.stamp(r.updated()))
        .append("version", r.version())
        .append("statusReason", r.statusReason());
  }

  static EventRegistration fromDocument(Document d) {
    return new EventRegistration(
        d.getString("_id"),
        Documents.agency(d.get("agency", Document.class)),
        EventType.valueOf(d.getString("type")),
        new EventPlan(
            d.getDouble("lat"),
            d.getDouble("lon"),
            d.getDouble("radius"),
            Documents.instant(d.getDate("start")),
            Documents.instant(d.getDate("end"))),
        Documents.address(d.get("address", Document.class)),
        Documents.contact(d.get("contact", Document.class)),
        d.getList("linkedTargets", String.class),
        d.getString("caseReference"),
        Disclosure.valueOf(d.getString("disclosure")),
        RegistrationStatus.valueOf(d.getString("status")),
        Documents.stamp(d.get("created", Document.class)),
        Documents.stamp(d.get("updated", Document.class)),
        d.get("version", Number.class).longValue(),
        d.getString("statusReason"));
  }
}
