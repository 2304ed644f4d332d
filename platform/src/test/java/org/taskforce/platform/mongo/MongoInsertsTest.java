package org.taskforce.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoInsertsTest {

  @Test
  void insertingManyWhereSomeExist_storesTheOthers_andNamesThePositionsThatExisted() {
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory();
        MongoClient client = MongoClients.create(server.connectionString())) {
      var collection = client.getDatabase("inserts").getCollection("c");
      assertThat(
              MongoInserts.insertAllIfAbsent(
                  collection,
                  List.of(new Document("_id", "a").append("v", 1), new Document("_id", "b"))))
          .isEmpty();

      var existed =
          MongoInserts.insertAllIfAbsent(
              collection,
              List.of(
                  new Document("_id", "b"),
                  new Document("_id", "c"),
                  new Document("_id", "a").append("v", 2),
                  new Document("_id", "d")));

      assertThat(existed).containsExactlyInAnyOrder(0, 2);
      assertThat(collection.countDocuments()).isEqualTo(4);
      assertThat(collection.find(new Document("_id", "a")).first().getInteger("v"))
          .as("the first insert wins")
          .isEqualTo(1);
      assertThat(MongoInserts.insertAllIfAbsent(collection, List.of())).isEmpty();
    }
  }
}
