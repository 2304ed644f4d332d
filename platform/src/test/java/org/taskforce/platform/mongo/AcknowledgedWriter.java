package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The child process of {@link EmbeddedMongoCrashTest}: the embedded server on a file, and writers
 * that print each write the server acknowledged — {@code INSERTED <id>} after an insert, {@code SET
 * <writer> <n>} after an update — until the process is killed. Arguments: the file, the number of
 * concurrent writers, the durability ({@link EmbeddedMongo.Durability}).
 */
public final class AcknowledgedWriter {
  private AcknowledgedWriter() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int writers = Integer.parseInt(args[1]);
    EmbeddedMongo server =
        EmbeddedMongo.startWithFile(file, EmbeddedMongo.Durability.valueOf(args[2]));
    MongoClient client = MongoClients.create(server.connectionString());
    MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
    MongoCollection<Document> counters = client.getDatabase("crash").getCollection("counters");
    PrintStream out = System.out;
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String writer = "w" + w;
      Thread t =
          new Thread(() -> {
            for (long n = 0; ; n++) {
              String id = writer + "-" + n;
              docs.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
              print(out, "INSERTED " + id);
              counters.updateOne(
                  eq("_id", writer), set("last", n), new UpdateOptions().upsert(true));
              print(out, "SET " + writer + " " + n);
            }
          });
      threads.add(t);
    }
    print(out, "READY");
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
  }

  private static void print(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
