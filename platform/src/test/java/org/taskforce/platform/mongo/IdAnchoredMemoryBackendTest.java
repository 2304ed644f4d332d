package org.taskforce.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdAnchoredMemoryBackendTest {

  @Test
  void conditionalWritesOnOneDocument_keepTheirMeaning_onTheIdIndex() {
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory()) {
      conditionalWritesKeepTheirMeaning(server);
    }
  }

  @Test
  void conditionalWritesOnOneDocument_keepTheirMeaning_inAFileToo(@TempDir Path dir) {
    try (EmbeddedMongo server = EmbeddedMongo.startWithFile(dir.resolve("t.mv.db"))) {
      conditionalWritesKeepTheirMeaning(server);
    }
  }

  private static void conditionalWritesKeepTheirMeaning(EmbeddedMongo server) {
    try (MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
      List<Document> many = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        many.add(new Document("_id", "d-" + i).append("version", 1L).append("state", "PREPARED"));
      }
      docs.insertMany(many);

      // Compare-and-set on the version: the current one wins once, a stale one changes nothing.
      assertThat(
              docs.updateOne(and(eq("_id", "d-42"), eq("version", 1L)), inc("version", 1L))
                  .getModifiedCount())
          .isEqualTo(1);
      assertThat(
              docs.updateOne(and(eq("_id", "d-42"), eq("version", 1L)), inc("version", 1L))
                  .getModifiedCount())
          .isZero();
      assertThat(docs.find(eq("_id", "d-42")).first().getLong("version")).isEqualTo(2L);
      assertThat(docs.countDocuments(eq("version", 2L))).isEqualTo(1);

      // An id that does not exist, and conditions that do not hold, match nothing.
      assertThat(
              docs.updateOne(and(eq("_id", "nope"), eq("version", 1L)), set("state", "READY"))
                  .getMatchedCount())
          .isZero();
      assertThat(
              docs.replaceOne(and(eq("_id", "d-7"), ne("state", "PREPARED")), new Document("x", 1))
                  .getMatchedCount())
          .isZero();

      // Other conditions beside the id, in either order and with $or, are still all checked.
      assertThat(
              docs.updateOne(
                      and(or(eq("state", "PREPARED"), eq("state", "READY")), eq("_id", "d-9")),
                      set("state", "READY"))
                  .getModifiedCount())
          .isEqualTo(1);
      assertThat(docs.deleteOne(and(eq("_id", "d-9"), eq("state", "PREPARED"))).getDeletedCount())
          .isZero();
      assertThat(docs.deleteOne(and(eq("_id", "d-9"), eq("state", "READY"))).getDeletedCount())
          .isEqualTo(1);

      // Queries that do not pin one id still find everything they should.
      assertThat(docs.countDocuments(and(in("_id", "d-1", "d-2", "d-9"), eq("version", 1L))))
          .isEqualTo(2);
      assertThat(docs.countDocuments(eq("state", "READY"))).isZero();
      assertThat(docs.countDocuments()).isEqualTo(4_999);
    }
  }

  @Test
  void onlyAPlainIdEquality_anchorsAQuery() {
    var anchored =
        IdAnchoredMemoryBackend.idAnchor(doc("$and", List.of(doc("_id", "a"), doc("version", 3L))));
    assertThat(anchored).isEqualTo(doc("_id", "a"));
    assertThat(IdAnchoredMemoryBackend.idAnchor(doc("_id", "a").append("version", 3L)))
        .isEqualTo(doc("_id", "a"));

    // The plain {_id: a} the server already serves from its index, and everything not equality.
    assertThat(IdAnchoredMemoryBackend.idAnchor(doc("_id", "a"))).isNull();
    assertThat(
            IdAnchoredMemoryBackend.idAnchor(
                doc("$and", List.of(doc("_id", doc("$in", List.of("a", "b"))), doc("v", 1)))))
        .isNull();
    assertThat(IdAnchoredMemoryBackend.idAnchor(doc("_id", Pattern.compile("^a")).append("v", 1)))
        .isNull();
    assertThat(
            IdAnchoredMemoryBackend.idAnchor(doc("$or", List.of(doc("_id", "a"), doc("_id", "b")))))
        .isNull();
  }

  private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
    return new de.bwaldvogel.mongo.bson.Document(key, value);
  }
}
