package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.application.TargetStore;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonProfile;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/**
 * Target registrations in collection {@value #COLLECTION}; optimistic locking on {@code version}.
 */
public final class MongoTargetStore implements TargetStore, MongoIndexes {
  public static final String COLLECTION = "targets";
  private final MongoCollection<Document> collection;

  public MongoTargetStore(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public boolean insert(TargetRegistration r) {
    return MongoInserts.insertIfAbsent(collection, toDocument(r));
  }

  @Override
  public Optional<TargetRegistration> find(String id) {
    return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(this::fromDocument);
  }

  @Override
  public List<TargetRegistration> findAll(Collection<String> ids) {
    List<TargetRegistration> out = new ArrayList<>();
    if (!ids.isEmpty()) {
      collection.find(in("_id", ids)).forEach(d -> out.add(fromDocument(d)));
    }
    return out;
  }

  /** The fields {@link Owner} holds, all the server returns for a check's hits. */
  private static final Bson OWNER_FIELDS =
      Projections.include("agency", "contact", "disclosure", "status", "expireTime");

  @Override
  public List<Owner> findOwners(Collection<String> ids) {
    List<Owner> out = new ArrayList<>();
    if (!ids.isEmpty()) {
      collection
          .find(in("_id", ids))
          .projection(OWNER_FIELDS)
          .forEach(d ->
              out.add(
                  new Owner(
                      d.getString("_id"),
                      Documents.agency(d.get("agency", Document.class)),
                      Documents.contact(d.get("contact", Document.class)),
                      Disclosure.valueOf(d.getString("disclosure")),
                      RegistrationStatus.valueOf(d.getString("status")),
                      Documents.instant(d.getDate("expireTime")))));
    }
    return out;
  }

  @Override
  public boolean replace(TargetRegistration r, long expectedVersion) {
    return collection
            .replaceOne(and(eq("_id", r.id()), eq("version", expectedVersion)), toDocument(r))
            .getModifiedCount()
        == 1;
  }

  @Override
  public List<TargetRegistration> list(
      String agencyId,
      Set<RegistrationStatus> statuses,
      String caseReference,
      List<String> position,
      int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq("agency.id", agencyId));
    if (!statuses.isEmpty()) {
      filters.add(in("status", statuses.stream().map(Enum::name).toList()));
    }
    if (caseReference != null && !caseReference.isBlank()) {
      filters.add(eq("caseReference", caseReference));
    }
    List<TargetRegistration> items = new ArrayList<>();
    collection
        .find(Documents.andAfter(filters, "created.time", true, position))
        .sort(Sorts.orderBy(Sorts.descending("created.time"), Sorts.ascending("_id")))
        .limit(limit)
        .forEach(d -> items.add(fromDocument(d)));
    return items;
  }

  @Override
  public List<TargetRegistration> expired(Instant now, int limit) {
    List<TargetRegistration> out = new ArrayList<>();
    collection
        .find(
            and(
                eq("status", RegistrationStatus.ACTIVE.name()),
                lte("expireTime", Documents.date(now))))
        .limit(limit)
        .forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  @Override
  public List<TargetRegistration> purgeable(Instant before, int limit) {
    List<TargetRegistration> out = new ArrayList<>();
    collection
        .find(
            and(
                in(
                    "status",
                    List.of(
                        RegistrationStatus.EXPIRED.name(), RegistrationStatus.WITHDRAWN.name())),
                lt("updated.time", Documents.date(before))))
        .limit(limit)
        .forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  @Override
  public void forEachMatchable(
      Instant now, java.util.function.Consumer<TargetRegistration> action) {
    collection
        .find(
            and(
                eq("status", RegistrationStatus.ACTIVE.name()),
                gt("expireTime", Documents.date(now))))
        .forEach(d -> action.accept(fromDocument(d)));
  }

  @Override
  public void delete(String id) {
    collection.deleteOne(eq("_id", id));
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("agency.id", "status"), Indexes.descending("created.time")),
        new IndexOptions().name("agency_status_created"));
    c.createIndex(
        Indexes.ascending("status", "expireTime"), new IndexOptions().name("status_expiry"));
    c.createIndex(
        Indexes.ascending("status", "updated.time"), new IndexOptions().name("status_updated"));
  }

  static Document toDocument(TargetRegistration r) {
    List<Document> selectors = new ArrayList<>();
    for (NormalizedSelector s : r.selectors()) {
      Document d = Documents.selector(s.input()).append("keys", s.canonicalKeys());
      if (s.person() != null) {
        // The profile as its index entries carry it: read back as written, not re-derived.
        d.append("profile", s.person().encode());
      }
      selectors.add(d);
    }
    return new Document("_id", r.id())
        .append("agency", Documents.agency(r.agency()))
        .append("selectors", selectors)
        .append("contact", Documents.contact(r.contact()))
        .append("caseReference", r.caseReference())
        .append("disclosure", r.disclosure().name())
        .append("expireTime", Documents.date(r.expireTime()))
        .append("status", r.status().name())
        .append("created", Documents.stamp(r.created()))
        .append("updated", Documents.stamp(r.updated()))
        .append("version", r.version())
        .append("statusReason", r.statusReason())
        .append("requestId", r.requestId());
  }

  TargetRegistration fromDocument(Document d) {
    List<NormalizedSelector> selectors = new ArrayList<>();
    for (Document s : d.getList("selectors", Document.class)) {
      TargetSelector input = Documents.selector(s);
      // Keys and a person's profile as written (the index holds the same ones), so a change to
      // normalisation never makes a withdrawal miss the entries it must remove; registrations
      // stored before profiles were kept get theirs derived again.
      PersonProfile person = null;
      if (input instanceof TargetSelector.Person p) {
        String profile = s.getString("profile");
        person = profile == null ? PersonProfile.of(p) : PersonProfile.decode(profile);
      }
      selectors.add(new NormalizedSelector(input, s.getList("keys", String.class), person));
    }
    return new TargetRegistration(
        d.getString("_id"),
        Documents.agency(d.get("agency", Document.class)),
        selectors,
        Documents.contact(d.get("contact", Document.class)),
        d.getString("caseReference"),
        Disclosure.valueOf(d.getString("disclosure")),
        Documents.instant(d.getDate("expireTime")),
        RegistrationStatus.valueOf(d.getString("status")),
        Documents.stamp(d.get("created", Document.class)),
        Documents.stamp(d.get("updated", Document.class)),
        d.get("version", Number.class).longValue(),
        d.getString("statusReason"),
        d.getString("requestId"));
  }
}
