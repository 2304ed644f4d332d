package org.taskforce.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two gateway replicas sharing buckets in MongoDB give a caller the limit once, not twice. */
class MongoTokenBucketsTest {
  private MongoServer server;
  private MongoClient client;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private MongoTokenBuckets replica() {
    return new MongoTokenBuckets(null, client.getDatabase("gateway"), 1, 10, clock);
  }

  @Test
  void replicasShareOneBucketPerCaller() {
    MongoTokenBuckets a = replica();
    MongoTokenBuckets b = replica();
    for (int i = 0; i < 5; i++) {
      assertThat(a.tryTake("agency:apd")).isZero();
      assertThat(b.tryTake("agency:apd")).isZero();
    }
    assertThat(a.tryTake("agency:apd")).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.tryTake("agency:apd")).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.tryTake("agency:fbi-abq")).isZero();
  }

  @Test
  void racingReplicasNeverSpendMoreThanTheBurst() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var takers =
          IntStream.range(0, 40)
              .mapToObj(i -> (Callable<Boolean>) () -> replica().tryTake("agency:apd").isZero())
              .toList();
      long allowed = 0;
      for (Future<Boolean> f : pool.invokeAll(takers)) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unreachableStore_letsCallsThrough() {
    MongoTokenBuckets down =
        MongoTokenBuckets.connect("mongodb://127.0.0.1:1/gateway", 1, 1, clock);
    try {
      assertThat(down.tryTake("agency:apd")).isZero();
    } finally {
      down.close();
    }
  }
}
