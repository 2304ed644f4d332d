package org.taskforce.gateway.console.session;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.taskforce.platform.mongo.MongoConnection;
import org.taskforce.platform.mongo.MongoProperties;

/**
 * The gateway's own MongoDB database for the console's sessions, chosen as every service chooses
 * its own ({@code taskforce.mongodb.*}, {@link MongoConnection}): a URI, or else the embedded
 * server — a file under {@code data-dir} that survives restarts (database {@code gateway}). A type
 * of its own, so the session store's connection is never mistaken for a service's.
 */
public record SessionDatabase(MongoConnection connection) implements AutoCloseable {

  /**
   * @param meters times every command ({@code mongodb.driver.commands}) when given
   */
  public static SessionDatabase open(
      MongoProperties properties, String application, MeterRegistry meters) {
    return new SessionDatabase(MongoConnection.open(properties, application, meters));
  }

  public MongoDatabase database() {
    return connection.database();
  }

  @Override
  public void close() {
    connection.close();
  }
}
