package org.taskforce.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
  private final AtomicLong now = new AtomicLong(0);
  private final TokenBuckets buckets = new TokenBuckets(2, 4, now::get);

  @Test
  void allowsTheBurst_thenRefillsAtTheRate() {
    for (int i = 0; i < 4; i++) {
      assertThat(buckets.tryTake("agency:apd")).isZero();
    }
    assertThat(buckets.tryTake("agency:apd")).isEqualTo(Duration.ofMillis(500));

    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(buckets.tryTake("agency:apd")).isZero();
    assertThat(buckets.tryTake("agency:apd")).isPositive();
  }

  @Test
  void refillNeverExceedsTheBurst() {
    now.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 4; i++) {
      assertThat(buckets.tryTake("k")).isZero();
    }
    assertThat(buckets.tryTake("k")).isPositive();
  }

  @Test
  void callersHaveSeparateBuckets() {
    for (int i = 0; i < 4; i++) {
      buckets.tryTake("agency:apd");
    }
    assertThat(buckets.tryTake("agency:apd")).isPositive();
    assertThat(buckets.tryTake("agency:fbi-abq")).isZero();
  }
}
