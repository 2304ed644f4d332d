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

  /**
   * When a write the file server acknowledged is on disk. MongoDB's own answer is {@code w:
   * majority, j: true}; the embedded server's is one of these, chosen with {@code
   * taskforce.mongodb.embedded-durability}.
   */
  public enum Durability {
    /**
     * Every write command is committed to the file (handed to the operating system) before its
     * reply is sent: an acknowledged write survives the process being killed ({@code kill -9}, an
     * out-of-memory end), not a power cut or a crash of the machine. Concurrent writers share
     * commits: a commit stores every change made before it.
     */
    COMMIT,
    /** As {@link #COMMIT}, and the file is forced to the device (fsync): survives a power cut. */
    SYNC,
    /**
     * The store's own background commit, about once a second: fastest, but a crash loses up to the
     * last second of acknowledged writes. For benchmarks only.
     */
    DELAYED
  }

  /** A server on {@code file} that commits every write before acknowledging it. */
  public static EmbeddedMongo startWithFile(Path file) {
    return startWithFile(file, Durability.COMMIT);
  }

  /**
   * A server that keeps its data in {@code file} (an H2 MVStore), creating folders as needed, with
   * the given durability of acknowledged writes.
   */
  public static EmbeddedMongo startWithFile(Path file, Durability durability) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory for " + file, e);
    }
    return new EmbeddedMongo(new IdAnchoredH2Backend(file.toAbsolutePath().toString(), durability));
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
