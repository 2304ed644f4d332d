package org.taskforce.gateway.web;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets shared by every gateway replica, one MongoDB document per caller ({@code _id} = the
 * caller key, a point read). A token is taken with a compare-and-set on the values read, so
 * replicas racing for the same bucket never both spend its last token. If MongoDB cannot be
 * reached, calls are let through (and logged): the limit protects the backends, it must not become
 * an outage of its own.
 */
public final class MongoTokenBuckets implements RateLimiter, AutoCloseable {
  static final String COLLECTION = "gateway_rate_limits";
  private static final Logger log = LoggerFactory.getLogger(MongoTokenBuckets.class);
  private static final int ATTEMPTS = 8;

  private final MongoClient client;
  private final MongoCollection<Document> buckets;
  private final double ratePerMilli;
  private final double capacity;
  private final Clock clock;
  private volatile boolean indexed;

  /** Buckets in the URI's database (default {@code gateway}); closes the client on close. */
  public static MongoTokenBuckets connect(
      String uri, double requestsPerSecond, int burst, Clock clock) {
    MongoClient client = client(uri);
    return new MongoTokenBuckets(client, database(client, uri), requestsPerSecond, burst, clock);
  }

  /** A client that gives up on an unreachable server within a second. */
  static MongoClient client(String uri) {
    return MongoClients.create(
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .applyToClusterSettings(c -> c.serverSelectionTimeout(1, TimeUnit.SECONDS))
            .applicationName("gateway")
            .build());
  }

  /** The URI's database, default {@code gateway}. */
  static MongoDatabase database(MongoClient client, String uri) {
    String name = new ConnectionString(uri).getDatabase();
    return client.getDatabase(name == null ? "gateway" : name);
  }

  MongoTokenBuckets(
      MongoClient client,
      MongoDatabase database,
      double requestsPerSecond,
      int burst,
      Clock clock) {
    this.client = client;
    this.buckets = database.getCollection(COLLECTION);
    this.ratePerMilli = requestsPerSecond / 1000d;
    this.capacity = burst;
    this.clock = clock;
    ensureExpiryIndex();
  }

  @Override
  public Duration tryTake(String key) {
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        long now = clock.millis();
        Document bucket = buckets.find(eq("_id", key)).first();
        if (!indexed) {
          ensureExpiryIndex();
        }
        if (bucket == null) {
          if (insert(key, capacity - 1, now)) {
            return Duration.ZERO;
          }
          continue; // another replica created it first
        }
        double stored = bucket.getDouble("tokens");
        long updated = bucket.getLong("updated");
        double tokens = Math.min(capacity, stored + Math.max(0, now - updated) * ratePerMilli);
        if (tokens < 1) {
          return Duration.ofMillis((long) Math.ceil((1 - tokens) / ratePerMilli));
        }
        var result =
            buckets.updateOne(
                and(eq("_id", key), eq("tokens", stored), eq("updated", updated)),
                combine(
                    set("tokens", tokens - 1),
                    set("updated", now),
                    set("expireAt", new Date(now + 3_600_000))));
        if (result.getModifiedCount() == 1) {
          return Duration.ZERO;
        }
      }
      log.warn("rate-limit bucket {} stayed contended; letting the call through", key);
      return Duration.ZERO;
    } catch (MongoException e) {
      log.warn("rate-limit store unavailable, letting the call through: {}", e.getMessage());
      return Duration.ZERO;
    }
  }

  /** Idle buckets are full again after burst / rate; a real MongoDB drops them an hour later. */
  private void ensureExpiryIndex() {
    try {
      buckets.createIndex(
          Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
      indexed = true;
    } catch (MongoException e) {
      log.warn(
          "rate-limit store not reachable yet; will create its index later: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }

  private boolean insert(String key, double tokens, long now) {
    try {
      buckets.insertOne(
          new Document("_id", key)
              .append("tokens", tokens)
              .append("updated", now)
              .append("expireAt", new Date(now + 3_600_000)));
      return true;
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }
}
