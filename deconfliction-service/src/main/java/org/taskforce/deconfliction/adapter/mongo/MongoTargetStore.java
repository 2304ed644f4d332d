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
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.VersionedRecords;

/**
 * Target registrations in collection {@value #COLLECTION}; optimistic locking on {@code version}.
 */
public final class MongoTargetStore extends VersionedRecords<TargetRegistration>
    implements TargetStore, MongoIndexes {
  public static final String COLLECTION = "targets";

  public MongoTargetStore(MongoDatabase database) {
    super(
        database.getCollection(COLLECTION),
        MongoTargetStore::toDocument,
        MongoTargetStore::fromDocument);
  }

  @Override
  public boolean insert(TargetRegistration registration) {
    return insertIfAbsent(registration);
  }

  @Override
  public Optional<TargetRegistration> find(String id) {
    return get(id);
  }

  @Override
  public List<TargetRegistration> findAll(Collection<String> ids) {
    return MongoDocuments.byIds(collection(), ids, MongoTargetStore::fromDocument);
  }

  /** The fields {@link Owner} holds, all the server returns for a check's hits. */
  private static final Bson OWNER_FIELDS =
      Projections.include("agency", "contact", "disclosure", "status", "expireTime");

  @Override
  public List<Owner> findOwners(Collection<String> ids) {
    List<Owner> out = new ArrayList<>();
    if (!ids.isEmpty()) {
      collection()
          .find(in("_id", ids))
          .projection(OWNER_FIELDS)
          .forEach(document ->
              out.add(
                  new Owner(
                      document.getString("_id"),
                      RegistrationDocuments.agency(document.get("agency", Document.class)),
                      RegistrationDocuments.contact(document.get("contact", Document.class)),
                      Disclosure.valueOf(document.getString("disclosure")),
                      RegistrationStatus.valueOf(document.getString("status")),
                      RegistrationDocuments.instant(document.getDate("expireTime")))));
    }
    return out;
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
    RegistrationDocuments.addIn(filters, "status", statuses);
    if (caseReference != null && !caseReference.isBlank()) {
      filters.add(eq("caseReference", caseReference));
    }
    return RegistrationDocuments.page(
        collection(),
        filters,
        "created.time",
        true,
        position,
        limit,
        MongoTargetStore::fromDocument);
  }

  @Override
  public List<TargetRegistration> expired(Instant now, int limit) {
    return collection()
        .find(
            and(
                eq("status", RegistrationStatus.ACTIVE.name()),
                lte("expireTime", RegistrationDocuments.date(now))))
        .limit(limit)
        .map(MongoTargetStore::fromDocument)
        .into(new ArrayList<>());
  }

  @Override
  public List<TargetRegistration> purgeable(Instant before, int limit) {
    return collection()
        .find(
            and(
                in(
                    "status",
                    List.of(
                        RegistrationStatus.EXPIRED.name(), RegistrationStatus.WITHDRAWN.name())),
                lt("updated.time", RegistrationDocuments.date(before))))
        .limit(limit)
        .map(MongoTargetStore::fromDocument)
        .into(new ArrayList<>());
  }

  @Override
  public void forEachMatchable(
      Instant now, java.util.function.Consumer<TargetRegistration> action) {
    collection()
        .find(
            and(
                eq("status", RegistrationStatus.ACTIVE.name()),
                gt("expireTime", RegistrationDocuments.date(now))))
        .forEach(document -> action.accept(fromDocument(document)));
  }

  @Override
  public void delete(String id) {
    collection().deleteOne(eq("_id", id));
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> indexed = database.getCollection(COLLECTION);
    indexed.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("agency.id", "status"), Indexes.descending("created.time")),
        new IndexOptions().name("agency_status_created"));
    indexed.createIndex(
        Indexes.ascending("status", "expireTime"), new IndexOptions().name("status_expiry"));
    indexed.createIndex(
        Indexes.ascending("status", "updated.time"), new IndexOptions().name("status_updated"));
  }

  static Document toDocument(TargetRegistration registration) {
    List<Document> selectors = new ArrayList<>();
    for (NormalizedSelector s : registration.selectors()) {
      Document document =
          RegistrationDocuments.selector(s.input()).append("keys", s.canonicalKeys());
      if (s.person() != null) {
        // The profile as its index entries carry it: read back as written, not re-derived.
        document.append("profile", s.person().encode());
      }
      selectors.add(document);
    }
    return new Document("_id", registration.id())
        .append("agency", RegistrationDocuments.agency(registration.agency()))
        .append("selectors", selectors)
        .append("contact", RegistrationDocuments.contact(registration.contact()))
        .append("caseReference", registration.caseReference())
        .append("disclosure", registration.disclosure().name())
        .append("expireTime", RegistrationDocuments.date(registration.expireTime()))
        .append("status", registration.status().name())
        .append("created", RegistrationDocuments.stamp(registration.created()))
        .append("updated", RegistrationDocuments.stamp(registration.updated()))
        .append("version", registration.version())
        .append("statusReason", registration.statusReason())
        .append("requestId", registration.requestId());
  }

  static TargetRegistration fromDocument(Document document) {
    List<NormalizedSelector> selectors = new ArrayList<>();
    for (Document s : document.getList("selectors", Document.class)) {
      TargetSelector input = RegistrationDocuments.selector(s);
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
        document.getString("_id"),
        RegistrationDocuments.agency(document.get("agency", Document.class)),
        selectors,
        RegistrationDocuments.contact(document.get("contact", Document.class)),
        document.getString("caseReference"),
        Disclosure.valueOf(document.getString("disclosure")),
        RegistrationDocuments.instant(document.getDate("expireTime")),
        RegistrationStatus.valueOf(document.getString("status")),
        RegistrationDocuments.stamp(document.get("created", Document.class)),
        RegistrationDocuments.stamp(document.get("updated", Document.class)),
        document.get("version", Number.class).longValue(),
        document.getString("statusReason"),
        document.getString("requestId"));
  }
}
