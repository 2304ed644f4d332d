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
 */
@ConfigurationProperties("taskforce.mongodb")
public record MongoProperties(
    String uri,
    String database,
    @DefaultValue("data") Path dataDir,
    @DefaultValue("H2") EmbeddedBackend embeddedBackend) {

  /** Storage of the embedded MongoDB-wire server. */
  public enum EmbeddedBackend {
    H2,
    MEMORY
  }

  public boolean embedded() {
    return uri == null || uri.isBlank();
  }
}
