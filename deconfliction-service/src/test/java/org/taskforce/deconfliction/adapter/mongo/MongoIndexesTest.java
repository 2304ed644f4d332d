package org.taskforce.deconfliction.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.platform.mongo.EmbeddedMongo;

/**
 * The stores ask for every index their queries need on a real MongoDB, even those the embedded
 * server does not use: a query by side or deadline must not scan a national collection (see
 * SCALING.md).
 */
class MongoIndexesTest {
  private EmbeddedMongo server;
  private MongoClient client;
  private MongoDatabase db;

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    db = client.getDatabase("indexes_test");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void conflictsAndReviewItems_areIndexedBySide_andConflictsByDeadline() {
    new MongoConflictStore(db, DisclosurePolicy.defaults()).create(db);
    new MongoReviewStore(db).create(db);

    assertThat(keys("conflicts"))
        .contains(new Document("sides.registrationId", 1), new Document("deadline", 1));
    assertThat(keys("review_items")).contains(new Document("sides.registrationId", 1));
  }

  @Test
  void creatingTwice_isHarmless() {
    MongoConflictStore conflicts = new MongoConflictStore(db, DisclosurePolicy.defaults());
    conflicts.create(db);
    List<Document> once = keys("conflicts");
    conflicts.create(db);
    assertThat(keys("conflicts")).containsExactlyInAnyOrderElementsOf(once);
  }

  private List<Document> keys(String collection) {
    List<Document> keys = new ArrayList<>();
    db.getCollection(collection).listIndexes().forEach(i -> keys.add(i.get("key", Document.class)));
    return keys;
  }
}
