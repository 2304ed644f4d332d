package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives {@code kill -9} of the process on the embedded default: a child
 * JVM runs the embedded server on a file and writes through the real driver, printing every write
 * the server acknowledged; it is killed with SIGKILL mid-stream, the server restarts on the same
 * file, and every acknowledged insert and update must be there.
 */
class EmbeddedMongoCrashTest {
  private static final int WRITERS = 4;

  @RepeatedTest(2)
  void everyAcknowledgedWrite_survivesKillMinus9(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("crash.mv.db");
    Set<String> inserted = ConcurrentHashMap.newKeySet();
    Map<String, Long> lastSet = new ConcurrentHashMap<>();
    AtomicInteger acknowledged = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(1);
    // Kill somewhere between 300 and 1,300 acknowledged writes: mid-stream, at a varying point.
    int killAfter = 300 + ThreadLocalRandom.current().nextInt(1_000);

    Process child = start(file, EmbeddedMongo.Durability.COMMIT);
    Thread reader =
        new Thread(() -> {
          try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
              String[] parts = line.split(" ");
              if (parts[0].equals("INSERTED") && parts.length == 2) {
                inserted.add(parts[1]);
              } else if (parts[0].equals("SET") && parts.length == 3) {
                lastSet.merge(parts[1], Long.parseLong(parts[2]), Math::max);
              } else {
                continue;
              }
              if (acknowledged.incrementAndGet() >= killAfter) {
                enough.countDown();
              }
            }
          } catch (IOException | NumberFormatException e) {
            // the pipe breaks when the child is killed; a torn last line is not an acknowledgement
          }
        });
    reader.start();
    try {
      assertThat(enough.await(90, TimeUnit.SECONDS))
          .as("the child acknowledged %d writes in time", killAfter)
          .isTrue();
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(inserted).hasSizeGreaterThan(100);

    try (EmbeddedMongo server = EmbeddedMongo.startWithFile(file);
        MongoClient client = MongoClients.create(server.connectionString())) {
      var db = client.getDatabase("crash");
      Set<String> stored = new HashSet<>();
      db.getCollection("docs").find().forEach(d -> stored.add(d.getString("_id")));
      Set<String> lost = new HashSet<>(inserted);
      lost.removeAll(stored);
      assertThat(lost)
          .as("acknowledged inserts lost by the crash (of %d acknowledged)", inserted.size())
          .isEmpty();
      lastSet.forEach((writer, n) -> {
        Document counter = db.getCollection("counters").find(eq("_id", writer)).first();
        assertThat(counter).as("counter of " + writer).isNotNull();
        assertThat(counter.getLong("last"))
            .as("acknowledged update of " + writer)
            .isGreaterThanOrEqualTo(n);
      });
    }
  }

  static Process start(Path file, EmbeddedMongo.Durability durability) throws IOException {
    String classPath = System.getProperty("java.class.path");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            classPath,
            AcknowledgedWriter.class.getName(),
            file.toString(),
            String.valueOf(WRITERS),
            durability.name());
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(new File(file + ".stderr.log")))
        .start();
  }
}
