package org.taskforce.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * The embedded MongoDB-wire server (in memory) in a process of its own, as a real deployment runs
 * MongoDB apart from the service: prints its connection string, then serves until stdin closes.
 * Needs only the server's memory backend on the class path, so modules that are not services (the
 * gateway) can start one too.
 */
public final class StandaloneMongo {
  private StandaloneMongo() {}

  public static void main(String[] args) throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend());
    try {
      server.bind("127.0.0.1", 0);
      InetSocketAddress address = server.getLocalAddress();
      System.out.println("mongodb://127.0.0.1:" + address.getPort());
      System.out.flush();
      while (System.in.read() >= 0) {
        // keep serving until the parent goes away
      }
    } finally {
      server.shutdown();
    }
  }
}
