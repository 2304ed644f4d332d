package org.taskforce.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoClientSettingsFactoryTest {

  @Test
  void aRealMongoDb_isWrittenWithMajorityAndJournal_byDefault() {
    var settings =
        MongoClientSettingsFactory.settings(
            "mongodb://db-0:27017,db-1:27017/cases?replicaSet=rs0", false, "case-service");
    assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    assertThat(settings.getWriteConcern().getJournal()).isTrue();
    assertThat(settings.getApplicationName()).isEqualTo("case-service");
  }

  @Test
  void aWriteConcernInTheUri_wins() {
    assertThat(
            MongoClientSettingsFactory.settings("mongodb://db-0/cases?w=1", false, "x")
                .getWriteConcern())
        .isEqualTo(WriteConcern.W1);
    assertThat(
            MongoClientSettingsFactory.settings("mongodb://db-0/cases?journal=false", false, "x")
                .getWriteConcern()
                .getJournal())
        .isFalse();
  }

  @Test
  void theEmbeddedServer_keepsTheDriversDefault_itsDurabilityIsItsOwn() {
    assertThat(
            MongoClientSettingsFactory.settings("mongodb://127.0.0.1:40001", true, "x")
                .getWriteConcern())
        .isEqualTo(WriteConcern.ACKNOWLEDGED);
  }

  @Test
  void withAMeterRegistry_everyCommandIsTimedByCommandAndCollection() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory();
        MongoClient client =
            MongoClients.create(
                MongoClientSettingsFactory.settings(
                    server.connectionString(), true, "x", meters))) {
      var cases = client.getDatabase("t").getCollection("cases");
      cases.insertOne(new Document("_id", "c-1"));
      cases.find(new Document("_id", "c-1")).first();
      cases.find(new Document("_id", "c-2")).first();
    }
    var finds =
        meters
            .get("mongodb.driver.commands")
            .tag("command", "find")
            .tag("collection", "cases")
            .timer();
    assertThat(finds.count()).isEqualTo(2);
    assertThat(finds.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(meters.get("mongodb.driver.commands").tag("command", "insert").timer().count())
        .isEqualTo(1);
  }
}
