package org.taskforce.platform.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its data ({@code taskforce.mongodb.*}; environment variables such as {@code
 * TASKFORCE_MONGODB_URI} bind too).
 *
 * @param uri a {@code mongodb://} connection string; empty: start the embedded server
 * @param database the service's own database; empty: the application name
 * @param dataDir where the embedded server keeps its file ({@code <dataDir>/<database>.mv.db})
 * @param embeddedBackend {@code H2} (a file, kept across restarts) or {@code MEMORY} (tests)
 * @param embeddedDurability when the file server's acknowledged writes are stored: {@code COMMIT}
 *     (default: in the file before the reply, survives the process being killed), {@code SYNC}
 *     (also forced to the device, survives a power cut) or {@code DELAYED} (about once a second; a
 *     crash loses up to a second of acknowledged writes — for benchmarks only). A real MongoDB
 *     writes with {@code w: majority, j: true} unless the URI says otherwise.
 */
@ConfigurationProperties("taskforce.mongodb")
public record MongoProperties(
    String uri,
    String database,
    @DefaultValue("data") Path dataDir,
    @DefaultValue("H2") EmbeddedBackend embeddedBackend,
    @DefaultValue("COMMIT") EmbeddedMongo.Durability embeddedDurability) {

  /** Storage of the embedded MongoDB-wire server. */
  public enum EmbeddedBackend {
    H2,
    MEMORY
  }

  public boolean embedded() {
    return uri == null || uri.isBlank();
  }
}
