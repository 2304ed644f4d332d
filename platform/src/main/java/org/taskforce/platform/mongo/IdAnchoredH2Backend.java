package org.taskforce.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's file backend with the in-memory backend's one difference (see {@link
 * IdAnchoredMemoryBackend}): conditional writes on one document are answered from the {@code _id}
 * index instead of a scan of the whole file. Its collections live in the same MVStore maps as the
 * library's own ({@code databases.<ns>}, {@code meta.<ns>}), so a file written by either is read by
 * the other ({@code EmbeddedMongoTest} checks it).
 *
 * <p>And it commits before it acknowledges (see {@link EmbeddedMongo.Durability}): the library
 * leaves that to the store's auto-commit, about once a second, so a killed process lost the last
 * second of writes its callers had been told were stored ({@code EmbeddedMongoCrashTest}).
 */
final class IdAnchoredH2Backend extends H2Backend {
  /**
   * Commands that never change data (lower case): no commit after them. Anything else — insert,
   * update, delete, findAndModify, index and collection commands, and commands added later — is
   * committed before its reply.
   */
  private static final Set<String> READS =
      Set.of(
          "find",
          "getmore",
          "count",
          "distinct",
          "listcollections",
          "listindexes",
          "listdatabases",
          "killcursors",
          "endsessions",
          "ping",
          "ismaster",
          "hello",
          "buildinfo",
          "whatsmyuri",
          "serverstatus",
          "dbstats",
          "collstats",
          "getlasterror",
          "getparameter",
          "getcmdlineopts",
          "getlog",
          "hostinfo",
          "connectionstatus",
          "currentop",
          "explain");

  private final EmbeddedMongo.Durability durability;

  IdAnchoredH2Backend(String fileName, EmbeddedMongo.Durability durability) {
    super(fileName);
    this.durability = durability;
  }

  /**
   * Runs the command and, unless it only reads or durability is {@code DELAYED}, commits before the
   * reply goes out (the wire handler sends what this returns). Failed commands are committed too:
   * an unordered bulk write that failed half way has stored its other half.
   */
  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      if (durability != EmbeddedMongo.Durability.DELAYED && writes(command, query)) {
        commit();
      }
    }
  }

  private static boolean writes(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (name.equals("aggregate")) {
      return query.get("pipeline") instanceof List<?> stages
          && stages.stream()
              .anyMatch(s ->
                  s instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }
    return !READS.contains(name);
  }

  /**
   * Stores every change made so far in the file. {@link MVStore#commit()} stores and waits for its
   * own writes, but returns at once when the store's background thread already took these changes
   * into a store of its own that is still being written; waiting on the file operations behind it
   * closes that gap. {@code SYNC} then forces the file to the device.
   */
  @Override
  public void commit() {
    MVStore store = getMvStore();
    store.commit();
    store.executeFilestoreOperation(() -> {});
    if (durability == EmbeddedMongo.Durability.SYNC) {
      store.sync();
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getMvStore(), getCursorRegistry());
  }

  /** Inner: it reaches the backend's store, as it opens collections while still constructing. */
  private final class Database extends H2Database {
    Database(String name, MVStore store, CursorRegistry cursors) {
      super(name, store, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      MVStore mvStore = getMvStore();
      String namespace = getFullCollectionNamespace(collectionName);
      MVMap<Object, de.bwaldvogel.mongo.bson.Document> data =
          mvStore.openMap("databases." + namespace);
      MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
      return new Collection(this, collectionName, options, data, meta, cursorRegistry);
    }
  }

  private static final class Collection extends H2Collection {
    Collection(
        MongoDatabase database,
        String name,
        CollectionOptions options,
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> data,
        MVMap<String, Object> meta,
        CursorRegistry cursors) {
      super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(
        Document query,
        Document orderBy,
        int skip,
        int limit,
        int batchSize,
        Document fieldSelector) {
      Iterable<Object> at = IdAnchoredMemoryBackend.anchoredPositions(this, query);
      return at != null
          ? matchDocuments(query, at, orderBy, skip, limit, batchSize, fieldSelector)
          : super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }
  }
}
