package org.taskforce.gateway.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per caller key: {@code burst} tokens, refilled at {@code rate} per
 * second. Per gateway replica: with N replicas a caller gets up to N times the rate, unless the
 * shared {@link MongoTokenBuckets} is configured.
 */
public final class TokenBuckets implements RateLimiter {
  private final double ratePerNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBuckets(double requestsPerSecond, int burst, LongSupplier nanoTime) {
    this.ratePerNano = requestsPerSecond / 1_000_000_000d;
    this.capacity = burst;
    this.nanoTime = nanoTime;
  }

  @Override
  public Duration tryTake(String key) {
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoTime.getAsLong()));
    synchronized (bucket) {
      long now = nanoTime.getAsLong();
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * ratePerNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / ratePerNano));
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
