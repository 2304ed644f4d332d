package org.taskforce.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application's MongoDB client and its own database, and the embedded server when there is one:
 * chosen alike by every service and the gateway's session store from {@code taskforce.mongodb.*} (a
 * URI, or else the embedded MongoDB-wire server).
 */
public record MongoConnection(MongoClient client, MongoDatabase database, EmbeddedMongo embedded)
    implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MongoConnection.class);

  /**
   * Connects to {@code properties.uri()}, or starts the embedded server when none is set; the
   * database is {@code properties.database()}, else the application name ({@code -} as {@code _}).
   *
   * @param meters times every command ({@code mongodb.driver.commands}) when not null
   */
  public static MongoConnection open(
      MongoProperties properties, String application, MeterRegistry meters) {
    String database =
        properties.database() != null && !properties.database().isBlank()
            ? properties.database()
            : application.replace('-', '_');
    EmbeddedMongo embedded = null;
    String uri = properties.uri();
    if (properties.embedded()) {
      embedded =
          switch (properties.embeddedBackend()) {
            case H2 ->
                EmbeddedMongo.startWithFile(
                    properties.dataDir().resolve(database + ".mv.db"),
                    properties.embeddedDurability());
            case MEMORY -> EmbeddedMongo.startInMemory();
          };
      uri = embedded.connectionString();
      LOG.info(
          "no taskforce.mongodb.uri set: embedded MongoDB-wire server ({}) at {}",
          properties.embeddedBackend() == MongoProperties.EmbeddedBackend.H2
              ? properties.dataDir().resolve(database + ".mv.db").toAbsolutePath()
                  + ", durability "
                  + properties.embeddedDurability()
              : "in memory",
          uri);
      if (properties.embeddedBackend() == MongoProperties.EmbeddedBackend.H2
          && properties.embeddedDurability() == EmbeddedMongo.Durability.DELAYED) {
        LOG.warn(
            "taskforce.mongodb.embedded-durability=DELAYED: a crash loses up to the last second"
                + " of acknowledged writes; for benchmarks only");
      }
    }
    MongoClient client =
        MongoClients.create(
            MongoClientSettingsFactory.settings(uri, properties.embedded(), application, meters));
    return new MongoConnection(client, client.getDatabase(database), embedded);
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
