package org.taskforce.gateway.console.session;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.mongo.MongoClientSettingsFactory;
import org.taskforce.platform.mongo.MongoProperties;

/**
 * The gateway's own MongoDB database for the console's sessions, chosen as every service chooses
 * its own ({@code taskforce.mongodb.*}): a URI, or else the embedded server — a file under {@code
 * data-dir} that survives restarts (database {@code gateway}).
 */
public record SessionDatabase(MongoClient client, MongoDatabase database, EmbeddedMongo embedded)
    implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionDatabase.class);

  /**
   * @param meters times every command ({@code mongodb.driver.commands}) when given
   */
  public static SessionDatabase open(
      MongoProperties properties, String application, MeterRegistry meters) {
    String name =
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
                    properties.dataDir().resolve(name + ".mv.db"), properties.embeddedDurability());
            case MEMORY -> EmbeddedMongo.startInMemory();
          };
      uri = embedded.connectionString();
      LOG.info(
          "console sessions: no taskforce.mongodb.uri set, embedded MongoDB-wire server ({})",
          properties.embeddedBackend() == MongoProperties.EmbeddedBackend.H2
              ? properties.dataDir().resolve(name + ".mv.db").toAbsolutePath()
              : "in memory, lost on restart");
    }
    MongoClient client =
        MongoClients.create(
            MongoClientSettingsFactory.settings(uri, properties.embedded(), application, meters));
    return new SessionDatabase(client, client.getDatabase(name), embedded);
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
