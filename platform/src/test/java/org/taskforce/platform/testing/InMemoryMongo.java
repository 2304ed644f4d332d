package org.taskforce.platform.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.taskforce.platform.mongo.EmbeddedMongo;

/**
 * A fresh embedded MongoDB-wire server in memory for each test, with a client on it: register as a
 * {@code @RegisterExtension} instance field; the class's {@code @BeforeEach} methods already see
 * {@link #db()}. Closed after each test.
 */
public final class InMemoryMongo implements BeforeEachCallback, AfterEachCallback {
  private final String database;
  private EmbeddedMongo server;
  private MongoClient client;

  /** {@code database}: the name {@link #db()} answers. */
  public InMemoryMongo(String database) {
    this.database = database;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    client.close();
    server.close();
  }

  public MongoDatabase db() {
    return client.getDatabase(database);
  }

  public MongoClient client() {
    return client;
  }

  public String connectionString() {
    return server.connectionString();
  }
}
