package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.VictimStore;
import org.taskforce.cases.domain.Citizenship;
import org.taskforce.cases.domain.Victim;
import org.taskforce.cases.domain.VictimIdentification;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/**
 * The victim compartment: collection {@code victims}, apart from the case documents, so a
 * deployment can give it its own database user, encryption (client-side field level encryption
 * needs MongoDB Enterprise or Atlas) and backup policy.
 */
public final class MongoVictimStore implements VictimStore, MongoIndexes {
  static final String COLLECTION = "victims";
  private final MongoCollection<Document> victims;

  public MongoVictimStore(MongoDatabase database) {
    this.victims = database.getCollection(COLLECTION);
  }

  @Override
  public boolean insertIfAbsent(Victim v) {
    return MongoInserts.insertIfAbsent(victims, toDocument(v));
  }

  @Override
  public Optional<Victim> get(String id) {
    return Documents.byId(victims, id, MongoVictimStore::fromDocument);
  }

  @Override
  public boolean replace(Victim next, long expectedVersion) {
    return Documents.replaceAt(victims, toDocument(next), expectedVersion);
  }

  @Override
  public Page<Victim> list(String caseId, int size, String token) {
    return Documents.page(
        victims, eq("caseId", caseId), size, token, MongoVictimStore::fromDocument);
  }

  @Override
  public Counts counts(String caseId) {
    int all = (int) victims.countDocuments(eq("caseId", caseId));
    int minors = (int) victims.countDocuments(and(eq("caseId", caseId), eq("minor", true)));
    return new Counts(all, minors);
  }

  @Override
  public void create(MongoDatabase database) {
    Documents.caseIndex(database, COLLECTION);
  }

  static Document toDocument(Victim v) {
    return new Document("_id", v.id())
        .append("caseId", v.caseId())
        .append("displayName", v.displayName())
        .append("dateOfBirth", Documents.date(v.dateOfBirth()))
        .append("preferredLanguage", v.preferredLanguage())
        .append("minor", v.minor())
        .append("servicesEngaged", v.servicesEngaged())
        .append("consentToShare", v.consentToShare())
        .append("created", Documents.stamp(v.created()))
        .append("updated", Documents.stamp(v.updated()))
        .append(Documents.SORT_TIME, Date.from(v.created().time()))
        .append("version", v.version())
        .append("identification", v.identification().name())
        .append("citizenship", v.citizenship().name())
        .append("personKey", v.personKey());
  }

  static Victim fromDocument(Document d) {
    return new Victim(
        d.getString("_id"),
        d.getString("caseId"),
        d.getString("displayName"),
        Documents.date(d.getString("dateOfBirth")),
        d.getString("preferredLanguage"),
        d.getBoolean("minor", false),
        d.getList("servicesEngaged", String.class),
        d.getBoolean("consentToShare", false),
        Documents.stamp(d.get("created", Document.class)),
        Documents.stamp(d.get("updated", Document.class)),
        ((Number) d.get("version")).longValue(),
        VictimIdentification.valueOf(
            d.getString("identification") == null
                ? VictimIdentification.POTENTIAL.name()
                : d.getString("identification")),
        Citizenship.valueOf(
            d.getString("citizenship") == null
                ? Citizenship.UNKNOWN.name()
                : d.getString("citizenship")),
        d.getString("personKey"));
  }
}
