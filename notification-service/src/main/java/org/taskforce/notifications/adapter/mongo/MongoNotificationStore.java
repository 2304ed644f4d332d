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
import org.taskforce.notifications.application.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;
import org.taskforce.platform.mongo.Sequences;

/**
 * Notifications ({@code notifications}), the streams' index from {@code <agency>:<sequence>} to
 * notification id ({@code stream_index}), per-agency sequence counters ({@code sequences}, one
 * document per agency, {@code $inc}) and published event ids ({@code published_events}).
 */
public final class MongoNotificationStore implements NotificationStore, MongoIndexes {
  private static final FindOneAndUpdateOptions AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  private final MongoCollection<Document> notifications;
  private final Sequences sequences;
  private final MongoCollection<Document> events;
  private final MongoCollection<Document> streamIndex;
  private final MongoCollection<Document> eras;
  private final long era;
  private final java.util.NavigableSet<Long> knownEras = new java.util.TreeSet<>();

  /** A store that numbers on in the newest era of the database (0 when it has none). */
  public MongoNotificationStore(MongoDatabase database) {
    this(database, null);
  }

  /**
   * @param startedAt when not null, this process starts a new era of stream positions, later than
   *     every era before and than {@code startedAt} in seconds (see {@link #ERA_BITS}): for a
   *     database that may lose its last writes in a crash (the embedded file store), so that no
   *     position handed out before the crash is handed out again after it
   */
  public MongoNotificationStore(MongoDatabase database, Instant startedAt) {
    this.notifications = database.getCollection("notifications");
    this.sequences = new Sequences(database, "sequences");
    this.events = database.getCollection("published_events");
    this.streamIndex = database.getCollection("stream_index");
    this.eras = database.getCollection("stream_eras");
    long newest = newestEra();
    if (startedAt == null) {
      this.era = newest;
    } else {
      long fromClock = Math.max(0, startedAt.getEpochSecond() - ERA_EPOCH);
      this.era = Math.max(newest + 1, fromClock);
      MongoInserts.insertIfAbsent(eras, new Document("_id", era));
    }
    eras.find().forEach(d -> knownEras.add(d.get("_id", Number.class).longValue()));
  }

  /**
   * A position is {@code era << ERA_BITS | n}: n counts up without gaps inside an era (streams rely
   * on that to wait for a number being stored), and a new era starts above every position of the
   * ones before. Era 0 is the plain count of a database that never started one.
   */
  public static final int ERA_BITS = 32;

  /** Eras are seconds since 2026-01-01 (2^31 of them last 68 years). */
  static final long ERA_EPOCH = 1_767_225_600L;

  private long newestEra() {
    Document d = eras.find().sort(Sorts.descending("_id")).limit(1).first();
    return d == null ? 0 : d.get("_id", Number.class).longValue();
  }

  private String sequenceName(String agencyId) {
    return era == 0 ? agencyId : agencyId + "@" + era;
  }

  @Override
  public long[] claimSequences(String agencyId, List<String> notificationIds) {
    // The stream's pointer is the claim: its _id names the number, so no number is given twice.
    long base = era << ERA_BITS;
    long[] numbers =
        sequences.claimAll(
            sequenceName(agencyId),
            streamIndex,
            notificationIds.size(),
            (k, s) ->
                new Document("_id", cursorKey(agencyId, base + s))
                    .append("n", notificationIds.get(k)));
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] += base;
    }
    return numbers;
  }

  @Override
  public long nextEraStart(long position) {
    // Eras begin only when a process starts (embedded, a single process), so the list read at
    // start stays true; with a real MongoDB there is none.
    Long next = knownEras.higher(position >>> ERA_BITS);
    return next == null ? -1 : next << ERA_BITS;
  }

  @Override
  public Set<String> insertAllIfAbsent(List<Notification> batch) {
    // A pointer (claimed first) may outlive a crash before this insert: streams treat the
    // dangling number as a gap and pass it after their grace period.
    Set<String> existed = new java.util.HashSet<>();
    for (int i :
        MongoInserts.insertAllIfAbsent(
            notifications, batch.stream().map(MongoNotificationStore::toDocument).toList())) {
      existed.add(batch.get(i).id());
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
            .map(e ->
                new Document("_id", e.getKey()).append("ids", e.getValue()).append("time", date))
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
    return Optional.ofNullable(notifications.find(eq("_id", id)).first())
        .map(MongoNotificationStore::fromDocument);
  }

  @Override
  public List<Notification> after(String agencyId, long sequence, int limit) {
    // Point reads on _id only (served by an index on real MongoDB and the embedded server alike):
    // the stream index maps the next numbers to notification ids.
    List<String> keys = new ArrayList<>(limit);
    for (long s = sequence + 1; s <= sequence + limit; s++) {
      keys.add(cursorKey(agencyId, s));
    }
    List<String> ids = new ArrayList<>();
    streamIndex.find(in("_id", keys)).forEach(d -> ids.add(d.getString("n")));
    List<Notification> out = new ArrayList<>();
    if (!ids.isEmpty()) {
      notifications.find(in("_id", ids)).forEach(d -> out.add(fromDocument(d)));
    }
    out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return out;
  }

  static String cursorKey(String agencyId, long sequence) {
    return agencyId + ":" + sequence;
  }

  @Override
  public long latestSequence(String agencyId) {
    long latest = (era << ERA_BITS) + sequences.hint(sequenceName(agencyId));
    while (streamIndex.find(eq("_id", cursorKey(agencyId, latest + 1))).first() != null) {
      latest++; // claims in flight are ahead of the hint
    }
    return latest;
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
    List<Bson> filters = new ArrayList<>(audience(agencyId, subject, roles, agencySystem));
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
    List<Bson> filters = new ArrayList<>(audience(agencyId, subject, roles, agencySystem));
    filters.add(eq("readTime", null));
    return (int) notifications.countDocuments(and(filters));
  }

  /** The query form of {@code Recipient.includes}: what this caller of the agency may see. */
  private static List<Bson> audience(
      String agencyId, String subject, Set<String> roles, boolean agencySystem) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq("recipient.agencyId", agencyId));
    if (!agencySystem) {
      // Only those addressed to the whole agency, to this user, or to one of the caller's roles.
      filters.add(in("recipient.user", "", subject));
      List<String> anyRole = new ArrayList<>(roles);
      anyRole.add("");
      filters.add(in("recipient.role", anyRole));
    }
    return filters;
  }

  @Override
  public Notification markRead(String id, Instant time) {
    Document d =
        notifications.findOneAndUpdate(
            and(eq("_id", id), eq("readTime", null)),
            Updates.set("readTime", Date.from(time)),
            AFTER);
    return d != null ? fromDocument(d) : find(id).orElseThrow();
  }

  @Override
  public Notification acknowledge(String id, Notification.Acknowledgement a) {
    Document ack =
        new Document("subject", a.subject())
            .append("name", a.displayName())
            .append("agencyId", a.agencyId())
            .append("time", Date.from(a.time()))
            .append("note", a.note());
    Document d =
        notifications.findOneAndUpdate(
            and(eq("_id", id), eq("acknowledged", null)),
            Updates.combine(
                Updates.set("acknowledged", ack), Updates.set("readTime", Date.from(a.time()))),
            AFTER);
    return d != null ? fromDocument(d) : find(id).orElseThrow();
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
    MongoCollection<Document> c = database.getCollection("notifications");
    // Unique: serves the streams' "after this sequence" reads on the embedded server too.
    c.createIndex(
        Indexes.compoundIndex(Indexes.ascending("recipient.agencyId"), Indexes.descending("seq")),
        new IndexOptions().name("agency_seq"));
    c.createIndex(
        Indexes.ascending("requiresAck", "acknowledged", "deadline"),
        new IndexOptions().name("escalation"));
  }

  static Document toDocument(Notification n) {
    Notification.Recipient r = n.recipient();
    return new Document("_id", n.id())
        .append("seq", n.sequence())
        .append("kind", n.kind())
        .append("severity", n.severity())
        .append(
            "recipient",
            new Document("agencyId", r.agencyId())
                .append("user", r.userSubject())
                .append("role", r.role()))
        .append("title", n.title())
        .append("body", n.body())
        .append("resource", n.resource())
        .append("attributes", new Document(new LinkedHashMap<String, Object>(n.attributes())))
        .append("requiresAck", n.requiresAcknowledgement())
        .append(
            "deadline", n.acknowledgeDeadline() == null ? null : Date.from(n.acknowledgeDeadline()))
        .append("createTime", Date.from(n.createTime()))
        .append("readTime", n.readTime() == null ? null : Date.from(n.readTime()))
        .append("acknowledged", null)
        .append("escalated", n.escalated())
        .append("eventId", n.eventId())
        .append("source", n.sourceService());
  }

  static Notification fromDocument(Document d) {
    Document r = d.get("recipient", Document.class);
    Map<String, String> attributes = new LinkedHashMap<>();
    Document a = d.get("attributes", Document.class);
    if (a != null) {
      a.forEach((k, v) -> attributes.put(k, String.valueOf(v)));
    }
    Document ack = d.get("acknowledged", Document.class);
    Date deadline = d.getDate("deadline");
    Date read = d.getDate("readTime");
    return new Notification(
        d.getString("_id"),
        d.get("seq", Number.class).longValue(),
        d.getString("kind"),
        d.getString("severity"),
        new Notification.Recipient(
            r.getString("agencyId"), r.getString("user"), r.getString("role")),
        d.getString("title"),
        d.getString("body"),
        d.getString("resource"),
        attributes,
        d.getBoolean("requiresAck", false),
        deadline == null ? null : deadline.toInstant(),
        d.getDate("createTime").toInstant(),
        read == null ? null : read.toInstant(),
        ack == null
            ? null
            : new Notification.Acknowledgement(
                ack.getString("subject"),
                ack.getString("name"),
                ack.getString("agencyId"),
                ack.getDate("time").toInstant(),
                ack.getString("note")),
        d.getBoolean("escalated", false),
        d.getString("eventId"),
        d.getString("source"));
  }
}
