package org.taskforce.gateway.console.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.session.Session;

/**
 * One request's copy of a console session. It remembers what each attribute was when it was read
 * (its serialized form), so that saving it writes only what this copy changed: another request's
 * change to another attribute — a token refresh — is never overwritten with an older copy.
 */
public final class StoredSession implements Session {
  private volatile String id;

  /** The id it is stored under; null until first saved. */
  private volatile String storedId;

  /**
   * Its document's own id (random, never changes; the seals' associated data); null until saved.
   */
  private volatile String documentId;

  /** The access time and inactive interval as stored: a save writes them only when they moved. */
  private volatile Instant storedLastAccessedTime;

  private volatile Duration storedMaxInactiveInterval;

  private final Instant creationTime;
  private volatile Instant lastAccessedTime;
  private volatile Duration maxInactiveInterval;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();

  /** What each attribute was when read or last saved: serialized form, or the number itself. */
  private final Map<String, Object> saved = new HashMap<>();

  /** A new session, not stored yet. */
  StoredSession(String id, Instant now, Duration maxInactiveInterval) {
    this(id, null, null, now, now, maxInactiveInterval);
  }

  /** A session as read from its document {@code documentId}, stored under {@code id}. */
  StoredSession(
      String id,
      String documentId,
      Instant creationTime,
      Instant lastAccessedTime,
      Duration maxInactiveInterval) {
    this(id, id, documentId, creationTime, lastAccessedTime, maxInactiveInterval);
  }

  private StoredSession(
      String id,
      String storedId,
      String documentId,
      Instant creationTime,
      Instant lastAccessedTime,
      Duration maxInactiveInterval) {
    this.id = id;
    this.storedId = storedId;
    this.documentId = documentId;
    this.creationTime = creationTime;
    this.lastAccessedTime = lastAccessedTime;
    this.maxInactiveInterval = maxInactiveInterval;
    this.storedLastAccessedTime = lastAccessedTime;
    this.storedMaxInactiveInterval = maxInactiveInterval;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String changeSessionId() {
    this.id = MongoSessionRepository.newId();
    return id;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getAttribute(String attributeName) {
    return (T) attributes.get(attributeName);
  }

  @Override
  public Set<String> getAttributeNames() {
    return Set.copyOf(attributes.keySet());
  }

  @Override
  public void setAttribute(String attributeName, Object attributeValue) {
    if (attributeValue == null) {
      attributes.remove(attributeName);
    } else {
      attributes.put(attributeName, attributeValue);
    }
  }

  @Override
  public void removeAttribute(String attributeName) {
    attributes.remove(attributeName);
  }

  @Override
  public Instant getCreationTime() {
    return creationTime;
  }

  @Override
  public void setLastAccessedTime(Instant lastAccessedTime) {
    this.lastAccessedTime = lastAccessedTime;
  }

  @Override
  public Instant getLastAccessedTime() {
    return lastAccessedTime;
  }

  @Override
  public void setMaxInactiveInterval(Duration interval) {
    this.maxInactiveInterval = interval;
  }

  @Override
  public Duration getMaxInactiveInterval() {
    return maxInactiveInterval;
  }

  @Override
  public boolean isExpired() {
    return isExpired(Instant.now());
  }

  boolean isExpired(Instant now) {
    return !maxInactiveInterval.isNegative()
        && now.isAfter(lastAccessedTime.plus(maxInactiveInterval));
  }

  Instant expiresAt() {
    return lastAccessedTime.plus(maxInactiveInterval);
  }

  String storedId() {
    return storedId;
  }

  String documentId() {
    return documentId;
  }

  Instant storedLastAccessedTime() {
    return storedLastAccessedTime;
  }

  Duration storedMaxInactiveInterval() {
    return storedMaxInactiveInterval;
  }

  Map<String, Object> attributes() {
    return attributes;
  }

  /** The attributes as they are stored now (after a read or a save). */
  Map<String, Object> saved() {
    return saved;
  }

  /** Read from the store: this is what the store holds. */
  void loaded(String name, Object value, Object storedForm) {
    attributes.put(name, value);
    saved.put(name, storedForm);
  }

  /**
   * Saved: document {@code documentId} now holds these forms under the current id (and this copy's
   * access time, when {@code accessTimeWritten}).
   */
  void stored(String documentId, Map<String, Object> forms, boolean accessTimeWritten) {
    saved.clear();
    saved.putAll(forms);
    storedId = id;
    this.documentId = documentId;
    storedMaxInactiveInterval = maxInactiveInterval;
    if (accessTimeWritten) {
      storedLastAccessedTime = lastAccessedTime;
    }
  }
}
