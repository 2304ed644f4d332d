package org.taskforce.platform.testing;

import org.taskforce.platform.mongo.EmbeddedMongo;

/**
 * The embedded MongoDB-wire server (in memory) in a process of its own, as a real deployment runs
 * MongoDB apart from the service: prints its connection string, then serves until stdin closes.
 */
public final class StandaloneMongo {
  private StandaloneMongo() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory()) {
      System.out.println(mongo.connectionString());
      System.out.flush();
      while (System.in.read() >= 0) {
        // keep serving until the parent goes away
      }
    }
  }
}
