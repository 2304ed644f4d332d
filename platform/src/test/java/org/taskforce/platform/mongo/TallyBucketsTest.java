package org.taskforce.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskforce.platform.testing.InMemoryMongo;

/**
 * A bucket's documents stay bounded however many members one slot holds (MongoDB refuses documents
 * over 16 MB), while its counts still equal its members' keys after any order of puts.
 */
class TallyBucketsTest {
  private static final int CAPACITY = 4;
  @RegisterExtension final InMemoryMongo mongo = new InMemoryMongo("tally_buckets_test");
  private MongoDatabase db;
  private TallyBuckets buckets;

  @BeforeEach
  void start() {
    db = mongo.db();
    buckets = new TallyBuckets(db, "tallies", CAPACITY);
  }

  @Test
  void aWriterThatReadAnEarlierIncarnation_cannotWriteAfterARebuild() {
    buckets.put("s", "2026-01-01", "a", 1, List.of("*"));
    boolean[] once = {true};
    buckets.afterRead =
        () -> {
          if (once[0]) {
            once[0] = false; // between the read (x absent) and the write: a rebuild that counts x
            buckets.clear(List.of("s"));
            buckets.load(
                "s",
                "2026-01-01",
                Map.of("a", Map.entry(1L, List.of("*")), "x", Map.entry(1L, List.of("*"))));
          }
        };
    buckets.put("s", "2026-01-01", "x", 1, List.of("*"));
    List<Long> total = new ArrayList<>();
    buckets.before(List.of("s"), null, (slot, counts) -> total.add(counts.get("*")));
    assertThat(total).containsExactly(2L);
    assertThat(buckets.members("s", "2026-01-01")).containsExactlyInAnyOrder("a", "x");
  }

  @Test
  void manyMembersInOneSlot_spillIntoBoundedDocuments_andCountExactly() {
    Random r = new Random(11);
    Map<String, Map.Entry<Long, List<String>>> expected = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      String member = "m" + r.nextInt(60);
      long version = r.nextInt(5);
      List<String> keys = r.nextInt(5) == 0 ? List.of() : List.of("*", "k=" + r.nextInt(3));
      buckets.put("s", "2026-01-01", member, version, keys);
      Map.Entry<Long, List<String>> held = expected.get(member);
      if (held == null || held.getKey() <= version) {
        expected.put(member, Map.entry(version, keys));
      }
    }
    assertBounded();
    assertThat(counts()).isEqualTo(countsOf(expected));
    assertThat(buckets.members("s", "2026-01-01"))
        .containsExactlyInAnyOrderElementsOf(
            expected.entrySet().stream()
                .filter(e -> !e.getValue().getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList());
  }

  @Test
  void concurrentWritersOfTheSameMembers_countEachOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(() -> {
              for (int i = 0; i < 40; i++) {
                buckets.put("s", "d", "m" + i, 1, List.of("*"));
              }
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertBounded();
    assertThat(counts()).isEqualTo(Map.of("*", 40L));
    assertThat(buckets.members("s", "d")).hasSize(40);
  }

  @Test
  void batchesOfMembers_spillAcrossParts_andCountAsIfPutOneAtATime() {
    Random r = new Random(23);
    Map<String, Map.Entry<Long, List<String>>> expected = new HashMap<>();
    for (int round = 0; round < 40; round++) {
      Map<String, Map.Entry<Long, List<String>>> batch = new HashMap<>();
      for (int i = 1 + r.nextInt(30); i > 0; i--) {
        String member = "m." + r.nextInt(90); // a dot, as act members have none but agencies may
        long version = r.nextInt(5);
        List<String> keys = r.nextInt(5) == 0 ? List.of() : List.of("*", "k=" + r.nextInt(3));
        batch.put(member, Map.entry(version, keys));
      }
      buckets.putAll("s", "2026-01-01", batch);
      batch.forEach((member, e) -> {
        Map.Entry<Long, List<String>> held = expected.get(member);
        if (held == null || held.getKey() <= e.getKey()) {
          expected.put(member, e);
        }
      });
      assertBounded();
      assertThat(counts()).as("after round " + round).isEqualTo(countsOf(expected));
    }
  }

  @Test
  void concurrentOverlappingBatches_countEachMemberOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int size = 3 + 5 * t;
        done.add(
            pool.submit(() -> {
              for (int from = 0; from < 60; from += size) {
                Map<String, Map.Entry<Long, List<String>>> batch = new HashMap<>();
                for (int i = from; i < Math.min(60, from + size); i++) {
                  batch.put("m" + i, Map.entry(1L, List.of("*", "k=" + i % 2)));
                }
                buckets.putAll("s", "d", batch);
              }
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertBounded();
    assertThat(counts()).isEqualTo(Map.of("*", 60L, "k=0", 30L, "k=1", 30L));
    assertThat(buckets.members("s", "d")).hasSize(60);
  }

  @Test
  void aRebuildLoad_writesBoundedParts_thatLaterPutsFindTheirMembersIn() {
    Map<String, Map.Entry<Long, List<String>>> members = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      members.put("m" + i, Map.entry(1L, List.of("*")));
    }
    buckets.load("s", "d", members);
    assertBounded();
    buckets.put("s", "d", "m7", 2, List.of()); // taken out, wherever it was loaded
    buckets.put("s", "d", "m11", 1, List.of("*")); // a new one
    assertBounded();
    assertThat(counts()).isEqualTo(Map.of("*", 10L));
  }

  private void assertBounded() {
    for (Document d : db.getCollection("tallies").find()) {
      assertThat(d.get("m", Document.class).size())
          .as(d.getString("_id"))
          .isLessThanOrEqualTo(CAPACITY);
    }
  }

  private Map<String, Long> counts() {
    Map<String, Long> out = new HashMap<>();
    buckets.before(List.of("s"), null, (b, c) -> c.forEach((k, n) -> out.merge(k, n, Long::sum)));
    out.values().removeIf(n -> n == 0);
    return out;
  }

  private static Map<String, Long> countsOf(Map<String, Map.Entry<Long, List<String>>> members) {
    Map<String, Long> out = new HashMap<>();
    members.values().forEach(e -> e.getValue().forEach(k -> out.merge(k, 1L, Long::sum)));
    return out;
  }
}
