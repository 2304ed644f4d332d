package org.taskforce.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import java.util.concurrent.TimeUnit;

/**
 * How a service connects to its database. On a real MongoDB every write waits for a majority of the
 * replica set and for the journal ({@code w: majority, j: true}), so an acknowledged write survives
 * the primary's crash and a fail-over — unless the URI names its own write concern ({@code w=},
 * {@code journal=}, {@code wtimeoutMS=}), which then wins. The embedded server is one process: its
 * durability is {@link EmbeddedMongo.Durability}, and it keeps the driver's default.
 *
 * <p>With a meter registry, every command is timed ({@code mongodb.driver.commands}, by command,
 * collection and outcome) and the connection pool is measured ({@code mongodb.driver.pool.*}), so
 * an operator — and the benchmarks — can tell how much of a request is the database's.
 */
public final class MongoClientSettingsFactory {
  /** What services write with on a real MongoDB unless the URI says otherwise. */
  public static final WriteConcern DEFAULT_WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);

  private MongoClientSettingsFactory() {}

  public static MongoClientSettings settings(String uri, boolean embedded, String application) {
    return settings(uri, embedded, application, null);
  }

  /**
   * As {@link #settings(String, boolean, String)}, timing commands into {@code meters} if given.
   */
  public static MongoClientSettings settings(
      String uri, boolean embedded, String application, MeterRegistry meters) {
    ConnectionString connection = new ConnectionString(uri);
    MongoClientSettings.Builder builder =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
            .applicationName(application);
    if (!embedded && connection.getWriteConcern() == null) {
      builder.writeConcern(DEFAULT_WRITE_CONCERN);
    }
    if (meters != null) {
      builder
          .addCommandListener(new MongoMetricsCommandListener(meters))
          .applyToConnectionPoolSettings(
              p -> p.addConnectionPoolListener(new MongoMetricsConnectionPoolListener(meters)));
    }
    return builder.build();
  }
}
