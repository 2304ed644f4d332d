package org.taskforce.gateway.console.session;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The console's sessions in MongoDB, shared by every gateway replica and kept across restarts. One
 * document per session, found by {@code sid} = SHA-256 of the session id under a unique index (the
 * cookie's value is not in the database, so reading it does not let anyone sign in as a user); its
 * {@code _id} is random and bound into the seals. A new id (sign-in, sign-out) is one
 * single-document update of {@code sid}: the old id stops working in the same write, and a session
 * that ended meanwhile is not brought back. Each attribute is a field of its own, sealed ({@link
 * SessionAttributeCodec}), and a save writes only the attributes its copy changed ({@code
 * $set}/{@code $unset}): concurrent requests of one session do not undo each other's changes. The
 * access time is written only when it moved by {@link #touchStep} (a minute at most), so a request
 * that changes nothing writes nothing; a session may thus expire up to that much early.
 * <em>Rising</em> attributes (a time that must not go back, such as the user's last activity) are
 * plain numbers written with {@code $max}. A save never brings back a session that was deleted
 * meanwhile (signed out, ended as idle, on any replica). Sessions past their inactive interval are
 * not returned, and {@link #sweep} deletes them (a real MongoDB also drops them by the TTL index;
 * the embedded server does not).
 */
public final class MongoSessionRepository implements ReactiveSessionRepository<StoredSession> {
  public static final String COLLECTION = "console_sessions";
  private static final Logger LOG = LoggerFactory.getLogger(MongoSessionRepository.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final Duration MAX_TOUCH_STEP = Duration.ofMinutes(1);

  private final MongoCollection<Document> sessions;
  private final SessionAttributeCodec codec;
  private final Duration maxInactiveInterval;
  private final Set<String> rising;
  private final Clock clock;
  private final Duration touchStep;

  /**
   * @param rising attributes whose values are {@code Long}s that only ever rise
   */
  public MongoSessionRepository(
      MongoDatabase database,
      SessionAttributeCodec codec,
      Duration maxInactiveInterval,
      Set<String> rising,
      Clock clock) {
    this.sessions = database.getCollection(COLLECTION);
    this.codec = codec;
    this.maxInactiveInterval = maxInactiveInterval;
    this.rising = Set.copyOf(rising);
    this.clock = clock;
    this.touchStep = touchStep(maxInactiveInterval);
  }

  /** How far the access time must move to be written: a minute, or 1/30 of a short interval. */
  static Duration touchStep(Duration interval) {
    Duration step = interval.dividedBy(30);
    return step.compareTo(MAX_TOUCH_STEP) > 0 ? MAX_TOUCH_STEP : step;
  }

  /**
   * The unique index on {@code sid} (required: both the embedded server and MongoDB serve point
   * reads from it and it keeps one session per id) and the expiry index (a TTL index on a real
   * MongoDB; the sweep deletes expired sessions regardless, so a failure is only logged).
   */
  public void createIndexes() {
    sessions.createIndex(
        Indexes.ascending(SessionDocument.SID), new IndexOptions().name("sid").unique(true));
    try {
      sessions.createIndex(
          Indexes.ascending(SessionDocument.EXPIRE_AT),
          new IndexOptions().name("expiry").expireAfter(0L, TimeUnit.SECONDS));
    } catch (MongoException e) {
      LOG.warn("console sessions' expiry index not created: {}", e.getMessage());
    }
  }

  /** 32 random bytes, URL-safe: the session cookie's value. */
  static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The {@code sid} of a session id. */
  static String key(String sessionId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public Mono<StoredSession> createSession() {
    return Mono.fromSupplier(
        () -> new StoredSession(newId(), clock.instant(), maxInactiveInterval));
  }

  @Override
  public Mono<StoredSession> findById(String id) {
    return Mono.fromCallable(() -> find(id)).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Void> save(StoredSession session) {
    return Mono.fromRunnable(() -> store(session)).subscribeOn(Schedulers.boundedElastic()).then();
  }

  @Override
  public Mono<Void> deleteById(String id) {
    return Mono.fromRunnable(() -> sessions.deleteOne(eq(SessionDocument.SID, key(id))))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  /**
   * The rising attributes of a session as stored now (an empty map: none), read without opening the
   * sealed ones — cheap enough for an open event stream to ask every few seconds; empty when the
   * session is gone or past its inactive interval.
   */
  public Mono<Map<String, Long>> risingAttributes(String id) {
    return Mono.fromCallable(
            () -> {
              Document stored =
                  sessions
                      .find(eq(SessionDocument.SID, key(id)))
                      .projection(
                          Projections.include(
                              SessionDocument.LAST_ACCESSED,
                              SessionDocument.MAX_INACTIVE_MS,
                              SessionDocument.RISING))
                      .first();
              return stored == null
                  ? null
                  : SessionDocument.rising(stored, maxInactiveInterval, clock.instant());
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Deletes the sessions past their inactive interval; the number deleted. */
  public long sweep() {
    return sessions
        .deleteMany(lt(SessionDocument.EXPIRE_AT, Date.from(clock.instant())))
        .getDeletedCount();
  }

  private StoredSession find(String id) {
    Document stored = sessions.find(eq(SessionDocument.SID, key(id))).first();
    if (stored == null) {
      return null;
    }
    try {
      StoredSession session = SessionDocument.read(id, stored, codec, maxInactiveInterval);
      return session.isExpired(clock.instant()) ? null : session;
    } catch (RuntimeException e) {
      // Written by no gateway with this key, or altered: the user signs in again. (The message
      // names the attribute, never its value.)
      LOG.warn("a stored console session was refused: {}", e.getMessage());
      return null;
    }
  }

  private void store(StoredSession session) {
    Map<String, Object> forms = new HashMap<>();
    Map<String, Object> before = session.saved();
    session
        .attributes()
        .forEach((name, value) ->
            forms.put(
                name,
                rising.contains(name)
                    ? SessionAttributeCodec.risingForm(name, value)
                    : SessionAttributeCodec.storedForm(name, value, before.get(name))));
    if (session.storedId() == null) {
      String documentId = newId();
      sessions.insertOne(
          SessionDocument.whole(documentId, key(session.getId()), session, forms, codec, rising));
      session.stored(documentId, forms, true);
      return;
    }
    boolean touch =
        !session.getLastAccessedTime().isBefore(session.storedLastAccessedTime().plus(touchStep));
    Document update =
        SessionDocument.changes(session.documentId(), session, forms, codec, rising, touch);
    if (!session.getId().equals(session.storedId())) {
      // A new id (sign-in, sign-out): in the same single-document write as the changes, so the old
      // id stops working exactly when the new one starts, and never both or neither.
      Document set = update.get("$set", Document.class);
      if (set == null) {
        update.append("$set", set = new Document());
      }
      set.append(SessionDocument.SID, key(session.getId()));
    }
    if (update.isEmpty()) {
      return; // nothing changed: nothing written
    }
    LOG.debug("console session saved: {}", update.keySet());
    var written =
        sessions.updateOne(
            and(
                eq(SessionDocument.ID, session.documentId()),
                eq(SessionDocument.SID, key(session.storedId()))),
            update);
    if (written.getMatchedCount() == 0) {
      // Signed out, ended as idle or given another id (on any replica): not brought back.
      LOG.debug("a console session ended while a request of it was running; not saved");
      return;
    }
    session.stored(session.documentId(), forms, touch);
  }
}
