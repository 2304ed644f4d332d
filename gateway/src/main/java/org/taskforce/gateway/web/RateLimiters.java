package org.taskforce.gateway.web;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import org.taskforce.gateway.config.GatewayProperties;

/**
 * The three kinds of bucket ({@link GatewayProperties.RateLimit}): per agency or client, per user,
 * per address of calls without a token. Keys never collide ({@code agency:}, {@code user:}, {@code
 * address:}), so shared buckets live in one collection.
 */
public record RateLimiters(
    RateLimiter groups, RateLimiter users, RateLimiter anonymous, Runnable onClose)
    implements AutoCloseable {

  public static RateLimiters of(GatewayProperties.RateLimit limit, Clock clock) {
    if (limit.mongodbUri().isBlank()) {
      return new RateLimiters(
          new TokenBuckets(limit.requestsPerSecond(), limit.burst(), System::nanoTime),
          new TokenBuckets(limit.userRequestsPerSecond(), limit.userBurst(), System::nanoTime),
          new TokenBuckets(
              limit.anonymousRequestsPerSecond(), limit.anonymousBurst(), System::nanoTime),
          () -> {});
    }
    MongoClient client = MongoTokenBuckets.client(limit.mongodbUri());
    var database = MongoTokenBuckets.database(client, limit.mongodbUri());
    return new RateLimiters(
        new MongoTokenBuckets(client, database, limit.requestsPerSecond(), limit.burst(), clock),
        new MongoTokenBuckets(
            client, database, limit.userRequestsPerSecond(), limit.userBurst(), clock),
        new MongoTokenBuckets(
            client, database, limit.anonymousRequestsPerSecond(), limit.anonymousBurst(), clock),
        client::close);
  }

  @Override
  public void close() {
    onClose.run();
  }
}
