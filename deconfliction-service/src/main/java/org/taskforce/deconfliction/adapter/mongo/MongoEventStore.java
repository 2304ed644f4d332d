package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.TalliedRecords;

/** Event registrations in collection {@value #COLLECTION}. */
public final class MongoEventStore extends TalliedRecords<EventRegistration>
    implements EventStore, MongoIndexes {
  public static final String COLLECTION = "events";

  public MongoEventStore(MongoDatabase database) {
    super(database, COLLECTION, MongoEventStore::toDocument, MongoEventStore::fromDocument);
  }

  @Override
  public boolean insert(EventRegistration registration) {
    return insertIfAbsent(registration);
  }

  @Override
  public Optional<EventRegistration> find(String id) {
    return get(id);
  }

  @Override
  public List<EventRegistration> findAll(Collection<String> ids) {
    return MongoDocuments.byIds(collection(), ids, MongoEventStore::fromDocument);
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
    RegistrationDocuments.addIn(filters, "status", statuses);
    if (from != null) {
      filters.add(gt("end", RegistrationDocuments.date(from)));
    }
    if (to != null) {
      filters.add(lt("start", RegistrationDocuments.date(to)));
    }
    return RegistrationDocuments.page(
        collection(), filters, "start", false, position, limit, MongoEventStore::fromDocument);
  }

  @Override
  public List<EventRegistration> endedBefore(Instant before, int limit) {
    return collection()
        .find(lt("end", RegistrationDocuments.date(before)))
        .limit(limit)
        .map(MongoEventStore::fromDocument)
        .into(new ArrayList<>());
  }

  @Override
  public void forEachMatchable(Instant now, java.util.function.Consumer<EventRegistration> action) {
    collection()
        .find(
            and(
                eq("status", RegistrationStatus.ACTIVE.name()),
                gt("end", RegistrationDocuments.date(now))))
        .forEach(document -> action.accept(fromDocument(document)));
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
    for (Document stored = collection().find(eq("_id", id)).first(); stored != null; ) {
      tallies().intendRemoval(stored);
      beforeDelete.run();
      if (collection()
              .deleteOne(and(eq("_id", id), eq("version", stored.get("version"))))
              .getDeletedCount()
          == 1) {
        return;
      }
      stored = collection().find(eq("_id", id)).first();
    }
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> indexed = database.getCollection(COLLECTION);
    indexed.createIndex(
        Indexes.ascending("agency.id", "status", "start"),
        new IndexOptions().name("agency_status_start"));
    indexed.createIndex(Indexes.ascending("end"), new IndexOptions().name("end"));
  }

  static Document toDocument(EventRegistration registration) {
    EventPlan plan = registration.plan();
    return new Document("_id", registration.id())
        .append("agency", RegistrationDocuments.agency(registration.agency()))
        .append("type", registration.type().name())
        .append("lat", plan.latitude())
        .append("lon", plan.longitude())
        .append("radius", plan.radiusMeters())
        .append("start", RegistrationDocuments.date(plan.start()))
        .append("end", RegistrationDocuments.date(plan.end()))
        .append("address", RegistrationDocuments.address(registration.address()))
        .append("contact", RegistrationDocuments.contact(registration.contact()))
        .append("linkedTargets", registration.linkedTargetIds())
        .append("caseReference", registration.caseReference())
        .append("disclosure", registration.disclosure().name())
        .append("status", registration.status().name())
        .append("created", RegistrationDocuments.stamp(registration.created()))
        .append("updated", RegistrationDocuments.stamp(registration.updated()))
        .append("version", registration.version())
        .append("statusReason", registration.statusReason());
  }

  static EventRegistration fromDocument(Document document) {
    return new EventRegistration(
        document.getString("_id"),
        RegistrationDocuments.agency(document.get("agency", Document.class)),
        EventType.valueOf(document.getString("type")),
        new EventPlan(
            document.getDouble("lat"),
            document.getDouble("lon"),
            document.getDouble("radius"),
            RegistrationDocuments.instant(document.getDate("start")),
            RegistrationDocuments.instant(document.getDate("end"))),
        RegistrationDocuments.address(document.get("address", Document.class)),
        RegistrationDocuments.contact(document.get("contact", Document.class)),
        document.getList("linkedTargets", String.class),
        document.getString("caseReference"),
        Disclosure.valueOf(document.getString("disclosure")),
        RegistrationStatus.valueOf(document.getString("status")),
        RegistrationDocuments.stamp(document.get("created", Document.class)),
        RegistrationDocuments.stamp(document.get("updated", Document.class)),
        document.get("version", Number.class).longValue(),
        document.getString("statusReason"));
  }
}
