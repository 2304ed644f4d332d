package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
