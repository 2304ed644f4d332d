package org.taskforce.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.taskforce.platform.testing.Benchmarks;

/**
 * What committing before acknowledging costs on the embedded file server: one-by-one inserts (a
 * small document, as an outbox message or an audit entry) through the real driver, by 1 and by 8
 * concurrent writers, for each {@link EmbeddedMongo.Durability}.
 *
 * <pre>
 * ./mvnw -q -pl platform exec:java@durability-benchmark   (after ./mvnw -q install -DskipTests)
 * -Dbench.seconds=10   how long each run writes (default 10)
 * -Dbench.modes=DELAYED,COMMIT,SYNC
 * </pre>
 */
public final class EmbeddedDurabilityBenchmark {
  private EmbeddedDurabilityBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    List<EmbeddedMongo.Durability> modes =
        Arrays.stream(System.getProperty("bench.modes", "DELAYED,COMMIT,SYNC").split(","))
            .map(EmbeddedMongo.Durability::valueOf)
            .toList();
    // The JIT's warm-up, not counted, so the first mode measured is not the slowest for that.
    run(EmbeddedMongo.Durability.COMMIT, 4, seconds, false);
    for (int writers : new int[] {1, 8}) {
      for (EmbeddedMongo.Durability mode : modes) {
        run(mode, writers, seconds, true);
      }
    }
  }

  private static void run(EmbeddedMongo.Durability mode, int writers, int seconds, boolean print)
      throws Exception {
    Path dir = Files.createTempDirectory("durability-bench");
    try (EmbeddedMongo server = EmbeddedMongo.startWithFile(dir.resolve("bench.mv.db"), mode);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
      // Warm-up, so the JIT's work is not counted against the first mode.
      write(docs, writers, Math.min(3, seconds), "warm");
      long[] latencies = write(docs, writers, seconds, "run");
      if (!print) {
        return;
      }
      System.out.printf(
          Locale.ROOT,
          "%-7s %d writer(s): %,.0f inserts/s%n",
          mode,
          writers,
          latencies.length / (double) seconds);
      Benchmarks.report("        insert latency", latencies);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long[] write(
      MongoCollection<Document> docs, int writers, int seconds, String prefix)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong next = new AtomicLong();
    List<long[]> perWriter = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long[][] mine = {new long[1 << 16]};
      int[] count = {0};
      perWriter.add(null);
      int slot = w;
      Thread t =
          new Thread(() -> {
            while (System.nanoTime() < end) {
              long started = System.nanoTime();
              docs.insertOne(
                  new Document("_id", prefix + "-" + next.incrementAndGet())
                      .append("topic", "notice")
                      .append("payload", "x".repeat(300)));
              if (count[0] == mine[0].length) {
                mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
              }
              mine[0][count[0]++] = System.nanoTime() - started;
            }
            synchronized (perWriter) {
              perWriter.set(slot, Arrays.copyOf(mine[0], count[0]));
            }
          });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    synchronized (perWriter) {
      return perWriter.stream().flatMapToLong(Arrays::stream).toArray();
    }
  }
}
