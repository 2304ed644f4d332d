package org.taskforce.notifications.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.mongo.EmbeddedMongo;

class MongoWebhookStoreTest {
  private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String NEW_KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @Test
  void aKeyRotation_sealsEverySecretAgainWithTheNewKey_andPlainTextOnesToo() {
    try (EmbeddedMongo server = EmbeddedMongo.startInMemory();
        MongoClient client = MongoClients.create(server.connectionString())) {
      var database = client.getDatabase("notifications");
      var before = new MongoWebhookStore(database, SecretSealer.configured(OLD_KEY, false));
      before.insert(webhook("wh-1", "first-secret-0123456789"));
      before.insert(webhook("wh-2", "second-secret-0123456789"));
      // One stored in plain text by the version before encryption.
      database
          .getCollection("webhooks")
          .updateOne(
              new Document("_id", "wh-2"),
              new Document("$set", new Document("secret", "second-secret-0123456789")));

      var after =
          new MongoWebhookStore(
              database, SecretSealer.configured(NEW_KEY, List.of(OLD_KEY), false));
      assertThat(after.resealSecrets()).isEqualTo(2);
      assertThat(after.resealSecrets()).as("nothing left to do").isZero();

      var newKeyOnly = new MongoWebhookStore(database, SecretSealer.configured(NEW_KEY, false));
      assertThat(newKeyOnly.find("wh-1").orElseThrow().secret())
          .isEqualTo("first-secret-0123456789");
      assertThat(newKeyOnly.find("wh-2").orElseThrow().secret())
          .isEqualTo("second-secret-0123456789");
      assertThat(database.getCollection("webhooks").find().map(d -> d.getString("secret")))
          .allMatch(s -> s.startsWith(SecretSealer.PREFIX) && !s.contains("secret"));
    }
  }

  private static Webhook webhook(String id, String secret) {
    return new Webhook(
        id,
        "bcso",
        "https://rms.bcso.example/hooks",
        secret,
        Set.of(),
        true,
        "admin",
        Instant.parse("2026-11-23T09:00:00Z"),
        null,
        null,
        1);
  }
}
