package org.taskforce.platform.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The service's append-only audit trail (collection {@value #COLLECTION}): this class only ever
 * inserts. In production the service's database user should have no update or delete right on the
 * collection (see the deployment docs), so not even a bug here can rewrite history.
 */
public final class AuditTrail implements MongoIndexes {
  public static final String COLLECTION = "audit_log";

  private final MongoCollection<Document> collection;
  private final Clock clock;

  private volatile AuditTallies tallies;

  public AuditTrail(MongoDatabase database, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  /**
   * Records what the current caller did; the request id comes from the {@link CallerContext}.
   *
   * @param details extra facts (ids, counts); never victim data, tokens or free text from users
   */
  public AuditEntry record(
      AgencyPrincipal actor,
      String action,
      String resource,
      Outcome outcome,
      String purpose,
      Map<String, String> details) {
    AuditEntry entry =
        new AuditEntry(
            UUID.randomUUID().toString(),
            clock.instant(),
            actor.subject(),
            actor.displayName(),
            actor.agencyId(),
            actor.clientId(),
            action,
            resource,
            outcome,
            purpose,
            CallerContext.requestId(),
            details);
    append(entry);
    return entry;
  }

  /**
   * Keeps day counts of some actions as entries are appended ({@link AuditTallies}); set once at
   * wiring, by a service whose reports count those actions.
   */
  public void tallied(AuditTallies tallies) {
    this.tallies = tallies;
  }

  /** Appends an entry as given (for work that no caller started, such as retention purges). */
  public void append(AuditEntry entry) {
    AuditTallies t = tallied(entry);
    if (t != null) {
      t.intend(entry);
    }
    collection.insertOne(toDocument(entry));
  }

  private AuditTallies tallied(AuditEntry entry) {
    AuditTallies t = tallies;
    return t != null && t.counts(entry) ? t : null;
  }

  /**
   * Appends an entry under the id it carries unless one with that id exists: for an entry a retried
   * delivery may write again (the id names what it records). True when this call added it.
   */
  public boolean appendIfAbsent(AuditEntry entry) {
    AuditTallies t = tallied(entry);
    if (t != null) {
      t.intend(entry);
    }
    // also when it was there: the intent is the retried writer's, and settling it is harmless
    return org.taskforce.platform.mongo.MongoInserts.insertIfAbsent(collection, toDocument(entry));
  }

  /** Appends many entries at once (imports from another system, benchmarks). */
  public void appendAll(List<AuditEntry> entries) {
    if (!entries.isEmpty()) {
      collection.insertMany(entries.stream().map(AuditTrail::toDocument).toList());
      if (tallies != null && entries.stream().anyMatch(tallies::counts)) {
        tallies.stale();
      }
    }
  }

  /** Entries about one resource, newest first, older than {@code before} (null: from now). */
  public List<AuditEntry> forResource(String resource, Instant before, int limit) {
    return find(eq("resource", resource), before, limit);
  }

  /** Entries by one agency's people and clients, newest first. */
  public List<AuditEntry> forAgency(String agencyId, Instant before, int limit) {
    return find(eq("agencyId", agencyId), before, limit);
  }

  private List<AuditEntry> find(Bson filter, Instant before, int limit) {
    Bson query = before == null ? filter : and(filter, lt("time", Date.from(before)));
    List<AuditEntry> entries = new ArrayList<>();
    for (Document d :
        collection.find(query).sort(Sorts.orderBy(Sorts.descending("time", "_id"))).limit(limit)) {
      entries.add(fromDocument(d));
    }
    return entries;
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> indexed = database.getCollection(COLLECTION);
    indexed.createIndex(
        Indexes.compoundIndex(Indexes.ascending("resource"), Indexes.descending("time")),
        new IndexOptions().name("resource_time"));
    indexed.createIndex(
        Indexes.compoundIndex(Indexes.ascending("agencyId"), Indexes.descending("time")),
        new IndexOptions().name("agency_time"));
  }

  private static Document toDocument(AuditEntry e) {
    return new Document("_id", e.id())
        .append("time", Date.from(e.time()))
        .append("actorSubject", e.actorSubject())
        .append("actorName", e.actorName())
        .append("agencyId", e.agencyId())
        .append("clientId", e.clientId())
        .append("action", e.action())
        .append("resource", e.resource())
        .append("outcome", e.outcome().name())
        .append("purpose", e.purpose())
        .append("requestId", e.requestId())
        .append("details", new Document(new LinkedHashMap<String, Object>(e.details())));
  }

  private static AuditEntry fromDocument(Document d) {
    Map<String, String> details = new LinkedHashMap<>();
    Document raw = d.get("details", Document.class);
    if (raw != null) {
      raw.forEach((k, v) -> details.put(k, String.valueOf(v)));
    }
    return new AuditEntry(
        d.getString("_id"),
        d.getDate("time").toInstant(),
        d.getString("actorSubject"),
        d.getString("actorName"),
        d.getString("agencyId"),
        d.getString("clientId"),
        d.getString("action"),
        d.getString("resource"),
        Outcome.valueOf(d.getString("outcome")),
        d.getString("purpose"),
        d.getString("requestId"),
        details);
  }
}
