package org.taskforce.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SequencesTest {

  @Test
  void manyCallersAtOnce_neverGetTheSameNumber_andTheNumbersAreDense() throws Exception {
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory();
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase db = client.getDatabase("seq");
      Sequences sequences = new Sequences(db, "sequences");
      MongoCollection<Document> claims = db.getCollection("claims");
      ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(() -> {
              for (int i = 0; i < 250; i++) {
                numbers.add(sequences.claim("bcso", claims, n -> new Document("_id", "bcso:" + n)));
              }
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      Set<Long> distinct = new HashSet<>(numbers);
      assertThat(numbers).hasSize(2_000);
      assertThat(distinct).hasSize(2_000);
      assertThat(distinct).allMatch(n -> n >= 1 && n <= 2_000);
      assertThat(sequences.hint("bcso")).as("a hint, never ahead").isBetween(1L, 2_000L);
      // Another replica (its own counter, seeded from the lagging hint) never takes a used number.
      Sequences replica = new Sequences(db, "sequences");
      assertThat(replica.claim("bcso", claims, n -> new Document("_id", "bcso:" + n)))
          .isEqualTo(2_001);
      assertThat(sequences.claim("apd", claims, n -> new Document("_id", "apd:" + n))).isEqualTo(1);
    }
  }

  @Test
  void batchesFromTwoReplicasAtOnce_neverShareANumber_andEachBatchIsInOrder() throws Exception {
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory();
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase db = client.getDatabase("seq");
      MongoCollection<Document> claims = db.getCollection("claims");
      // Two replicas: each its own counter, both starting from the same (empty) hint, so their
      // first candidates collide and every batch after a collision must be retried in order.
      List<Sequences> replicas =
          List.of(new Sequences(db, "sequences"), new Sequences(db, "sequences"));
      ConcurrentLinkedQueue<long[]> batches = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Sequences replica = replicas.get(t % 2);
        int thread = t;
        done.add(
            pool.submit(() -> {
              for (int i = 0; i < 40; i++) {
                int size = 1 + (i * 7 + thread) % 25;
                batches.add(
                    replica.claimAll(
                        "bcso",
                        claims,
                        size,
                        (k, n) -> new Document("_id", "bcso:" + n).append("k", k)));
              }
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      List<Long> all = new ArrayList<>();
      for (long[] batch : batches) {
        for (int k = 0; k < batch.length; k++) {
          all.add(batch[k]);
          if (k > 0) {
            assertThat(batch[k]).as("in the order asked for").isGreaterThan(batch[k - 1]);
          }
          Document stored = claims.find(new Document("_id", "bcso:" + batch[k])).first();
          assertThat(stored).isNotNull();
          assertThat(stored.getInteger("k")).isEqualTo(k);
        }
      }
      assertThat(new HashSet<>(all)).as("no number twice").hasSize(all.size());
      assertThat(claims.countDocuments()).isEqualTo(all.size());
      assertThat(sequences(db).hint("bcso"))
          .isBetween(1L, all.stream().mapToLong(n -> n).max().orElseThrow());
    }
  }

  private static Sequences sequences(MongoDatabase db) {
    return new Sequences(db, "sequences");
  }
}
