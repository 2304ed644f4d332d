package org.taskforce.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/**
 * Records events a service must announce, in its own database, for {@link OutboxRelay} to deliver
 * at least once. Without multi-document transactions (the embedded server has none) there are two
 * ways to keep the change and its announcement together:
 *
 * <ul>
 *   <li>{@link #record}: when the outbox entry <em>is</em> the change's only durable trace, or when
 *       the caller writes it inside a transaction on a replica set.
 *   <li>{@link #prepare} before the change, {@link #commit} after it: a crash in between leaves a
 *       PREPARED entry that the relay resolves through {@link OutboxHandler#applied} once it is
 *       older than the prepared timeout.
 * </ul>
 *
 * Ids are idempotency keys: recording the same id twice keeps the first.
 */
public final class Outbox implements MongoIndexes {
  public static final String COLLECTION = "outbox";
  static final String PREPARED = "PREPARED";
  static final String READY = "READY";

  private final MongoCollection<Document> collection;
  private final Clock clock;

  public Outbox(MongoDatabase database, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  /** Records a message ready for delivery. Returns false when the id was recorded before. */
  public boolean record(String id, String topic, Document payload) {
    return insert(id, topic, payload, READY);
  }

  /**
   * Records messages ready for delivery in one round trip (a check that alerts the owners of many
   * matched records). Returns the ids that were recorded before and so were kept as they were.
   */
  public Set<String> recordAll(String topic, Map<String, Document> payloads) {
    Date now = Date.from(clock.instant());
    List<String> ids = new ArrayList<>(payloads.keySet());
    List<Document> documents = new ArrayList<>(ids.size());
    ids.forEach(id -> documents.add(document(id, topic, payloads.get(id), READY, now)));
    Set<String> existed = new LinkedHashSet<>();
    MongoInserts.insertAllIfAbsent(collection, documents).forEach(i -> existed.add(ids.get(i)));
    return existed;
  }

  /** Records a message that waits for {@link #commit}. False when the id was recorded before. */
  public boolean prepare(String id, String topic, Document payload) {
    return insert(id, topic, payload, PREPARED);
  }

  /** Releases a prepared message for delivery. */
  public void commit(String id) {
    collection.updateOne(and(eq("_id", id), eq("state", PREPARED)), set("state", READY));
  }

  /**
   * Releases a prepared message with the payload of the change that happened. Two writers racing on
   * one change prepare under the same id and the first payload is kept; the one whose change won
   * commits, so what is delivered is the winner's message, not the loser's.
   */
  public void commit(String id, Document payload) {
    collection.updateOne(
        and(eq("_id", id), eq("state", PREPARED)),
        com.mongodb.client.model.Updates.combine(set("state", READY), set("payload", payload)));
  }

  /** Drops a prepared message whose change did not happen. */
  public void abandon(String id) {
    collection.deleteOne(and(eq("_id", id), eq("state", PREPARED)));
  }

  /** Messages not yet delivered (for metrics and health). */
  public long pending() {
    return collection.countDocuments();
  }

  private boolean insert(String id, String topic, Document payload, String state) {
    return MongoInserts.insertIfAbsent(
        collection, document(id, topic, payload, state, Date.from(clock.instant())));
  }

  private static Document document(
      String id, String topic, Document payload, String state, Date now) {
    return new Document("_id", id)
        .append("topic", topic)
        .append("payload", payload)
        .append("state", state)
        .append("createdAt", now)
        .append("nextAttemptAt", now)
        .append("attempts", 0);
  }

  @Override
  public void create(MongoDatabase database) {
    database
        .getCollection(COLLECTION)
        .createIndex(
            Indexes.ascending("state", "nextAttemptAt"), new IndexOptions().name("state_due"));
  }
}
