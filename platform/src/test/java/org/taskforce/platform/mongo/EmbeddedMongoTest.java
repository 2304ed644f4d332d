package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

  @Test
  void fileBackedServer_keepsDocumentsAcrossRestart(@TempDir Path dir) {
    Path file = dir.resolve("nested/cases.mv.db");
    try (EmbeddedMongo server = EmbeddedMongo.startWithFile(file);
        MongoClient client = MongoClients.create(server.connectionString())) {
      client
          .getDatabase("cases")
          .getCollection("cases")
          .insertOne(new Document("_id", "NMHTTF-2026-0001").append("title", "Operation Mesa"));
    }

    try (EmbeddedMongo server = EmbeddedMongo.startWithFile(file);
        MongoClient client = MongoClients.create(server.connectionString())) {
      Document found =
          client
              .getDatabase("cases")
              .getCollection("cases")
              .find(eq("_id", "NMHTTF-2026-0001"))
              .first();
      assertThat(found).isNotNull();
      assertThat(found.getString("title")).isEqualTo("Operation Mesa");
    }
  }

  @Test
  void aFileWrittenByTheLibrarysOwnBackend_isReadByOurs_andTheOtherWayRound(@TempDir Path dir) {
    Path file = dir.resolve("cases.mv.db");
    MongoServer plain = new MongoServer(new H2Backend(file.toString()));
    try (MongoClient client = MongoClients.create(connectionString(plain))) {
      client.getDatabase("cases").getCollection("cases").insertOne(doc("c-1", 1L));
    } finally {
      plain.shutdown();
    }

    try (EmbeddedMongo server = EmbeddedMongo.startWithFile(file);
        MongoClient client = MongoClients.create(server.connectionString())) {
      var cases = client.getDatabase("cases").getCollection("cases");
      assertThat(cases.find(eq("_id", "c-1")).first()).isNotNull();
      // A compare-and-set write, answered from the _id index by ours.
      assertThat(
              cases
                  .updateOne(and(eq("_id", "c-1"), eq("version", 1L)), inc("version", 1L))
                  .getModifiedCount())
          .isEqualTo(1);
      cases.insertOne(doc("c-2", 1L));
    }

    MongoServer again = new MongoServer(new H2Backend(file.toString()));
    try (MongoClient client = MongoClients.create(connectionString(again))) {
      var cases = client.getDatabase("cases").getCollection("cases");
      assertThat(cases.find(eq("_id", "c-1")).first().getLong("version")).isEqualTo(2L);
      assertThat(cases.countDocuments()).isEqualTo(2);
    } finally {
      again.shutdown();
    }
  }

  private static Document doc(String id, long version) {
    return new Document("_id", id).append("version", version);
  }

  private static String connectionString(MongoServer server) {
    server.bind("127.0.0.1", 0);
    return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
  }

  @Test
  void memoryServer_startsEmptyEachTime() {
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory();
        MongoClient client = MongoClients.create(server.connectionString())) {
      client.getDatabase("t").getCollection("c").insertOne(new Document("_id", 1));
    }
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory();
        MongoClient client = MongoClients.create(server.connectionString())) {
      assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isZero();
    }
  }
}
