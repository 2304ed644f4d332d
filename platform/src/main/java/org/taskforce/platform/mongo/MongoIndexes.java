package org.taskforce.platform.mongo;

import com.mongodb.client.MongoDatabase;

/**
 * A bean that creates the indexes some collections need. All of them run once at startup, before
 * the gRPC server takes calls; creating an index that exists is a no-op, so this is idempotent.
 *
 * <p>Mind the embedded server: it ignores non-unique secondary indexes, so a hot-path lookup must
 * be a point read on {@code _id} or on a unique index. Still declare the ordinary indexes a real
 * MongoDB needs for the other queries.
 */
@FunctionalInterface
public interface MongoIndexes {
  void create(MongoDatabase database);
}
