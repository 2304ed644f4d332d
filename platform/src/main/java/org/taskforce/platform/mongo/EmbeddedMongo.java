package org.taskforce.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB-wire-protocol server on a loopback port, so a service runs with nothing
 * installed. With a file it keeps data across restarts. It does not do multi-document transactions,
 * change streams, partial, text or geo indexes, and it ignores non-unique secondary indexes
 * (queries on them scan): production uses a real MongoDB replica set.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongo(MongoBackend backend) {
    this.server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    this.address = server.getLocalAddress();
  }

  /** A server that keeps its data in {@code file} (an H2 MVStore), creating folders as needed. */
  public static EmbeddedMongo startWithFile(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory for " + file, e);
    }
    return new EmbeddedMongo(new IdAnchoredH2Backend(file.toAbsolutePath().toString()));
  }

  /**
   * A server that keeps nothing after it stops. Conditional writes on one document ({@code _id}
   * plus a version or state) are served from the {@code _id} index, as in a real MongoDB.
   */
  public static EmbeddedMongo startInMemory() {
    return new EmbeddedMongo(new IdAnchoredMemoryBackend());
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  /** Stops the server; a file backend is committed and closed. */
  @Override
  public void close() {
    server.shutdown();
  }
}
