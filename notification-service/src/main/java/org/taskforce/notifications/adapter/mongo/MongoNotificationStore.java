package org.taskforce.notifications.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/**
 * Notifications ({@code notifications}) and published event ids ({@code published_events}); stream
 * positions live in the {@link StreamIndex}.
 */
public final class MongoNotificationStore implements NotificationStore, MongoIndexes {
  private static final FindOneAndUpdateOptions AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  private final MongoCollection<Document> notifications;
  private final MongoCollection<Document> events;
  private final StreamIndex positions;

  /** A store that numbers on in the newest era of the database (0 when it has none). */
  public MongoNotificationStore(MongoDatabase database) {
    this(database, null);
  }

  /**
   * @param startedAt when not null, this process starts a new era of stream positions, later than
   *     every era before and than {@code startedAt} in seconds: for a database that may lose its
   *     last writes in a crash (the embedded file store), so that no position handed out before the
   *     crash is handed out again after it
   */
  public MongoNotificationStore(MongoDatabase database, Instant startedAt) {
    this.notifications = database.getCollection("notifications");
    this.events = database.getCollection("published_events");
    this.positions = new StreamIndex(database, startedAt);
  }

  static String cursorKey(String agencyId, long position) {
    return StreamIndex.cursorKey(agencyId, position);
  }

  @Override
  public long[] claimSequences(String agencyId, List<String> notificationIds) {
    return positions.claim(agencyId, notificationIds);
  }

  @Override
  public long nextEraStart(long position) {
    return positions.nextEraStart(position);
  }

  @Override
  public Set<String> insertAllIfAbsent(List<Notification> batch) {
    // A pointer (claimed first) may outlive a crash before this insert: streams treat the
    // dangling number as a gap and pass it after their grace period.
    Set<String> existed = new java.util.HashSet<>();
    for (int index :
        MongoInserts.insertAllIfAbsent(
            notifications, batch.stream().map(MongoNotificationStore::toDocument).toList())) {
      existed.add(batch.get(index).id());
    }
    return existed;
  }

  @Override
  public Map<String, List<String>> publishedEvents(Collection<String> eventIds) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    events
        .find(in("_id", eventIds))
        .forEach(d -> out.put(d.getString("_id"), d.getList("ids", String.class)));
    return out;
  }

  @Override
  public void markEventsPublished(Map<String, List<String>> idsByEvent, Instant time) {
    Date date = Date.from(time);
    MongoInserts.insertAllIfAbsent(
        events,
        idsByEvent.entrySet().stream()
            .map(event ->
                new Document("_id", event.getKey())
                    .append("ids", event.getValue())
                    .append("time", date))
            .toList());
  }

  @Override
  public Map<String, Notification> findAll(Collection<String> ids) {
    Map<String, Notification> out = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      notifications.find(in("_id", ids)).forEach(d -> out.put(d.getString("_id"), fromDocument(d)));
    }
    return out;
  }

  @Override
  public Optional<Notification> find(String id) {
    return MongoDocuments.byId(notifications, id, MongoNotificationStore::fromDocument);
  }

  @Override
  public List<Notification> after(String agencyId, long position, int limit) {
    // Point reads on _id only (served by an index on real MongoDB and the embedded server alike):
    // the stream index maps the next positions to notification ids.
    List<String> ids = positions.idsAfter(agencyId, position, limit);
    List<Notification> found = new ArrayList<>();
    if (!ids.isEmpty()) {
      notifications.find(in("_id", ids)).forEach(d -> found.add(fromDocument(d)));
    }
    found.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return found;
  }

  @Override
  public long latestSequence(String agencyId) {
    return positions.latest(agencyId);
  }

  @Override
  public List<Notification> inbox(
      String agencyId,
      String subject,
      Set<String> roles,
      boolean agencySystem,
      boolean unreadOnly,
      Set<String> kinds,
      boolean needsAck,
      long before,
      int limit) {
    List<Bson> filters = new ArrayList<>(AudienceFilter.of(agencyId, subject, roles, agencySystem));
    filters.add(lt("seq", before));
    if (unreadOnly) {
      filters.add(eq("readTime", null));
    }
    if (!kinds.isEmpty()) {
      filters.add(in("kind", kinds));
    }
    if (needsAck) {
      filters.add(eq("requiresAck", true));
      filters.add(eq("acknowledged", null));
    }
    List<Notification> out = new ArrayList<>();
    notifications
        .find(and(filters))
        .sort(Sorts.descending("seq"))
        .limit(limit)
        .forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  @Override
  public int unreadCount(String agencyId, String subject, Set<String> roles, boolean agencySystem) {
    List<Bson> filters = new ArrayList<>(AudienceFilter.of(agencyId, subject, roles, agencySystem));
    filters.add(eq("readTime", null));
    return (int) notifications.countDocuments(and(filters));
  }

  @Override
  public Notification markRead(String id, Instant time) {
    Document updated =
        notifications.findOneAndUpdate(
            and(eq("_id", id), eq("readTime", null)),
            Updates.set("readTime", Date.from(time)),
            AFTER);
    return updated != null ? fromDocument(updated) : find(id).orElseThrow();
  }

  @Override
  public Notification acknowledge(String id, Notification.Acknowledgement acknowledgement) {
    Document updated =
        notifications.findOneAndUpdate(
            and(eq("_id", id), eq("acknowledged", null)),
            Updates.combine(
                Updates.set("acknowledged", NotificationDocuments.toDocument(acknowledgement)),
                Updates.set("readTime", Date.from(acknowledgement.time()))),
            AFTER);
    return updated != null ? fromDocument(updated) : find(id).orElseThrow();
  }

  @Override
  public List<Notification> dueForEscalation(Instant by, int limit) {
    List<Notification> out = new ArrayList<>();
    notifications
        .find(
            and(
                eq("requiresAck", true),
                eq("acknowledged", null),
                ne("escalated", true),
                ne("deadline", null),
                lte("deadline", Date.from(by))))
        .limit(limit)
        .forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  @Override
  public boolean markEscalated(String id) {
    return notifications
            .updateOne(and(eq("_id", id), ne("escalated", true)), Updates.set("escalated", true))
            .getModifiedCount()
        == 1;
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> collection = database.getCollection("notifications");
    // Unique: serves the streams' "after this sequence" reads on the embedded server too.
    collection.createIndex(
        Indexes.compoundIndex(Indexes.ascending("recipient.agencyId"), Indexes.descending("seq")),
        new IndexOptions().name("agency_seq"));
    collection.createIndex(
        Indexes.ascending("requiresAck", "acknowledged", "deadline"),
        new IndexOptions().name("escalation"));
  }

  private static Document toDocument(Notification notification) {
    return NotificationDocuments.toDocument(notification);
  }

  private static Notification fromDocument(Document document) {
    return NotificationDocuments.fromDocument(document);
  }
}
