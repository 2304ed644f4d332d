package org.taskforce.gateway.console.session;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

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
 * document per session, {@code _id} = SHA-256 of the session id (the cookie's value is not in the
 * database, so reading it does not let anyone sign in as a user). Each attribute is a field of its
 * own, sealed ({@link SessionAttributeCodec}), and a save writes only the attributes its copy
 * changed ({@code $set}/{@code $unset}): concurrent requests of one session do not undo each
 * other's changes. <em>Rising</em> attributes (a time that must not go back, such as the user's
 * last activity) are plain numbers written with {@code $max}. A save never brings back a session
 * that was deleted meanwhile (signed out, ended as idle, on any replica). Sessions past their
 * inactive interval are not returned, and {@link #sweep} deletes them (a real MongoDB also drops
 * them by the TTL index; the embedded server does not).
 */
public final class MongoSessionRepository implements ReactiveSessionRepository<StoredSession> {
  public static final String COLLECTION = "console_sessions";
  private static final Logger LOG = LoggerFactory.getLogger(MongoSessionRepository.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoCollection<Document> sessions;
  private final SessionAttributeCodec codec;
  private final Duration maxInactiveInterval;
  private final Set<String> rising;
  private final Clock clock;

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
  }

  /** The expiry index (a TTL index on a real MongoDB). */
  public void createIndexes() {
    sessions.createIndex(
        Indexes.ascending(SessionDocument.EXPIRE_AT),
        new IndexOptions().name("expiry").expireAfter(0L, TimeUnit.SECONDS));
  }

  /** 32 random bytes, URL-safe: the session cookie's value. */
  static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The document id of a session id. */
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
    return Mono.fromSupplier(() ->
        new StoredSession(newId(), null, clock.instant(), clock.instant(), maxInactiveInterval));
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
    return Mono.fromRunnable(() -> sessions.deleteOne(eq("_id", key(id))))
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
                      .find(eq("_id", key(id)))
                      .projection(
                          Projections.include(
                              SessionDocument.LAST_ACCESSED,
                              SessionDocument.MAX_INACTIVE_MS,
                              SessionDocument.RISING))
                      .first();
              if (stored == null) {
                return null;
              }
              var expires =
                  stored
                      .getDate(SessionDocument.LAST_ACCESSED)
                      .toInstant()
                      .plusMillis(stored.getLong(SessionDocument.MAX_INACTIVE_MS));
              if (clock.instant().isAfter(expires)) {
                return null;
              }
              Map<String, Long> rising = new HashMap<>();
              stored
                  .get(SessionDocument.RISING, new Document())
                  .forEach((field, value) ->
                      rising.put(SessionDocument.name(field), ((Number) value).longValue()));
              return rising;
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
    String key = key(id);
    Document stored = sessions.find(eq("_id", key)).first();
    if (stored == null) {
      return null;
    }
    try {
      StoredSession session = SessionDocument.read(id, key, stored, codec);
      return session.isExpired(clock.instant()) ? null : session;
    } catch (RuntimeException e) {
      // Written by no gateway with this key, or altered: the user signs in again. (The message
      // names the attribute, never its value.)
      LOG.warn("a stored console session was refused: {}", e.getMessage());
      return null;
    }
  }

  private void store(StoredSession session) {
    String key = key(session.getId());
    Map<String, Object> forms = new HashMap<>();
    session.attributes().forEach((name, value) -> forms.put(name, form(name, value)));
    if (!session.getId().equals(session.storedId())) {
      // New, or a new id (sign-in): the whole session under the new id, the old one gone.
      sessions.insertOne(SessionDocument.whole(key, session, forms, codec, rising));
      if (session.storedId() != null) {
        sessions.deleteOne(eq("_id", key(session.storedId())));
      }
      session.stored(forms);
      return;
    }
    Document update = SessionDocument.changes(key, session, forms, codec, rising);
    if (!update.isEmpty() && sessions.updateOne(eq("_id", key), update).getMatchedCount() == 0) {
      LOG.debug("a console session ended while a request of it was running; not saved");
      return;
    }
    session.stored(forms);
  }

  private Object form(String name, Object value) {
    if (rising.contains(name)) {
      if (!(value instanceof Long number)) {
        throw new IllegalArgumentException("session attribute " + name + " must be a Long");
      }
      return number;
    }
    return SessionAttributeCodec.serialize(name, value);
  }
}
