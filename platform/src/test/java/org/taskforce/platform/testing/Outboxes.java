package org.taskforce.platform.testing;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.outbox.OutboxRelay;

/** Test help for services with an outbox. */
public final class Outboxes {
  private Outboxes() {}

  /** Delivers the outbox until it is empty, or gives up after about five seconds. */
  public static void drain(MongoDatabase database, OutboxRelay relay) {
    for (int i = 0; i < 50 && pending(database) > 0; i++) {
      relay.relayOnce();
      if (pending(database) > 0) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static long pending(MongoDatabase database) {
    return database.getCollection(Outbox.COLLECTION).countDocuments(new Document());
  }
}
