package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import java.util.Date;
import org.bson.Document;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.VictimStore;
import org.taskforce.cases.domain.Citizenship;
import org.taskforce.cases.domain.Victim;
import org.taskforce.cases.domain.VictimIdentification;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.VersionedRecords;

/**
 * The victim compartment: collection {@code victims}, apart from the case documents, so a
 * deployment can give it its own database user, encryption (client-side field level encryption
 * needs MongoDB Enterprise or Atlas) and backup policy.
 */
public final class MongoVictimStore extends VersionedRecords<Victim>
    implements VictimStore, MongoIndexes {
  static final String COLLECTION = "victims";

  public MongoVictimStore(MongoDatabase database) {
    super(
        database.getCollection(COLLECTION),
        MongoVictimStore::toDocument,
        MongoVictimStore::fromDocument);
  }

  @Override
  public Page<Victim> list(String caseId, int size, String token) {
    return KeysetPages.page(
        collection(), eq("caseId", caseId), size, token, MongoVictimStore::fromDocument);
  }

  @Override
  public Counts counts(String caseId) {
    int all = (int) collection().countDocuments(eq("caseId", caseId));
    int minors = (int) collection().countDocuments(and(eq("caseId", caseId), eq("minor", true)));
    return new Counts(all, minors);
  }

  @Override
  public void create(MongoDatabase database) {
    CaseDocuments.caseIndex(database, COLLECTION);
  }

  static Document toDocument(Victim v) {
    return new Document("_id", v.id())
        .append("caseId", v.caseId())
        .append("displayName", v.displayName())
        .append("dateOfBirth", CaseDocuments.date(v.dateOfBirth()))
        .append("preferredLanguage", v.preferredLanguage())
        .append("minor", v.minor())
        .append("servicesEngaged", v.servicesEngaged())
        .append("consentToShare", v.consentToShare())
        .append("created", CaseDocuments.stamp(v.created()))
        .append("updated", CaseDocuments.stamp(v.updated()))
        .append(KeysetPages.SORT_TIME, Date.from(v.created().time()))
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
        CaseDocuments.date(d.getString("dateOfBirth")),
        d.getString("preferredLanguage"),
        d.getBoolean("minor", false),
        d.getList("servicesEngaged", String.class),
        d.getBoolean("consentToShare", false),
        CaseDocuments.stamp(d.get("created", Document.class)),
        CaseDocuments.stamp(d.get("updated", Document.class)),
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
