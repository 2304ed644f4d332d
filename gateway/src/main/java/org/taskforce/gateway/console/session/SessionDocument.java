package org.taskforce.gateway.console.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * A console session as a MongoDB document: {@code _id} (random, for the document's life: the seals'
 * associated data), {@code sid} (SHA-256 of the session id, unique: what a request finds it by, and
 * all that changes when the id changes), {@code created}, {@code lastAccessed}, {@code
 * maxInactiveMs}, {@code expireAt}; {@code attrs} (sealed attributes) and {@code rising} (plain
 * numbers), each keyed by the attribute's name in URL-safe base64 (names have dots, which MongoDB
 * reads as paths).
 */
final class SessionDocument {
  static final String ID = "_id";
  static final String SID = "sid";
  static final String CREATED = "created";
  static final String LAST_ACCESSED = "lastAccessed";
  static final String MAX_INACTIVE_MS = "maxInactiveMs";
  static final String EXPIRE_AT = "expireAt";
  static final String ATTRIBUTES = "attrs";
  static final String RISING = "rising";

  private SessionDocument() {}

  /**
   * The session {@code id} as stored, its attributes opened and read through the filter; its
   * inactive interval no longer than {@code longest} (whatever the document says).
   */
  static StoredSession read(
      String id, Document stored, SessionAttributeCodec codec, Duration longest) {
    String documentId = stored.getString(ID);
    var session =
        new StoredSession(
            id,
            documentId,
            stored.getDate(CREATED).toInstant(),
            stored.getDate(LAST_ACCESSED).toInstant(),
            Duration.ofMillis(Math.min(stored.getLong(MAX_INACTIVE_MS), longest.toMillis())));
    Document sealed = stored.get(ATTRIBUTES, new Document());
    for (var e : sealed.entrySet()) {
      String name = name(e.getKey());
      Object value =
          SessionAttributeCodec.deserialize(
              name, codec.open(documentId, name, (String) e.getValue()));
      // What this copy compares with when it is saved: the object as read, serialized again.
      session.loaded(name, value, SessionAttributeCodec.serialize(name, value));
    }
    Document rising = stored.get(RISING, new Document());
    for (var e : rising.entrySet()) {
      Long value = ((Number) e.getValue()).longValue();
      session.loaded(name(e.getKey()), value, value);
    }
    return session;
  }

  /** The whole session, for a new document {@code documentId} found by {@code sid}. */
  static Document whole(
      String documentId,
      String sid,
      StoredSession session,
      Map<String, Object> forms,
      SessionAttributeCodec codec,
      Set<String> rising) {
    Document sealed = new Document();
    Document plain = new Document();
    forms.forEach((name, form) -> {
      if (rising.contains(name)) {
        plain.append(field(name), form);
      } else {
        sealed.append(field(name), codec.seal(documentId, name, (byte[]) form));
      }
    });
    return new Document(ID, documentId)
        .append(SID, sid)
        .append(CREATED, Date.from(session.getCreationTime()))
        .append(LAST_ACCESSED, Date.from(session.getLastAccessedTime()))
        .append(MAX_INACTIVE_MS, session.getMaxInactiveInterval().toMillis())
        .append(EXPIRE_AT, Date.from(session.expiresAt()))
        .append(ATTRIBUTES, sealed)
        .append(RISING, plain);
  }

  /**
   * What this copy changed since it was read or saved — an empty document when nothing: {@code
   * $set} of changed attributes (and of the inactive interval, when it changed), {@code $unset} of
   * removed ones, {@code $max} of rising ones and, when {@code touch}, of the access time (a
   * request that started earlier never moves it back).
   */
  static Document changes(
      String documentId,
      StoredSession session,
      Map<String, Object> forms,
      SessionAttributeCodec codec,
      Set<String> rising,
      boolean touch) {
    Document set = new Document();
    Document max = new Document();
    if (!session.getMaxInactiveInterval().equals(session.storedMaxInactiveInterval())) {
      set.append(MAX_INACTIVE_MS, session.getMaxInactiveInterval().toMillis())
          .append(EXPIRE_AT, Date.from(session.expiresAt()));
    } else if (touch) {
      max.append(EXPIRE_AT, Date.from(session.expiresAt()));
    }
    if (touch) {
      max.append(LAST_ACCESSED, Date.from(session.getLastAccessedTime()));
    }
    Document unset = new Document();
    Map<String, Object> before = session.saved();
    forms.forEach((name, form) -> {
      Object was = before.get(name);
      if (rising.contains(name)) {
        if (!form.equals(was)) {
          max.append(RISING + "." + field(name), form);
        }
      } else if (!(was instanceof byte[] bytes && Arrays.equals(bytes, (byte[]) form))) {
        set.append(ATTRIBUTES + "." + field(name), codec.seal(documentId, name, (byte[]) form));
      }
    });
    before.keySet().stream()
        .filter(name -> !forms.containsKey(name))
        .forEach(name ->
            unset.append((rising.contains(name) ? RISING : ATTRIBUTES) + "." + field(name), ""));
    Document update = new Document();
    if (!set.isEmpty()) {
      update.append("$set", set);
    }
    if (!max.isEmpty()) {
      update.append("$max", max);
    }
    if (!unset.isEmpty()) {
      update.append("$unset", unset);
    }
    return update;
  }

  /**
   * The rising attributes of a stored session, or null when it is past its inactive interval at
   * {@code now} (the interval never longer than the gateway's own).
   */
  static Map<String, Long> rising(Document stored, Duration maxInactiveInterval, Instant now) {
    Instant expires =
        stored
            .getDate(LAST_ACCESSED)
            .toInstant()
            .plusMillis(Math.min(stored.getLong(MAX_INACTIVE_MS), maxInactiveInterval.toMillis()));
    if (now.isAfter(expires)) {
      return null;
    }
    Map<String, Long> rising = new HashMap<>();
    stored
        .get(RISING, new Document())
        .forEach((field, value) -> rising.put(name(field), ((Number) value).longValue()));
    return rising;
  }

  static String field(String name) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  static String name(String field) {
    return new String(Base64.getUrlDecoder().decode(field), StandardCharsets.UTF_8);
  }
}
