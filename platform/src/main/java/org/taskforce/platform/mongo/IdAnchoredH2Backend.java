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
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's file backend with the in-memory backend's one difference (see {@link
 * IdAnchoredMemoryBackend}): conditional writes on one document are answered from the {@code _id}
 * index instead of a scan of the whole file. Its collections live in the same MVStore maps as the
 * library's own ({@code databases.<ns>}, {@code meta.<ns>}), so a file written by either is read by
 * the other ({@code EmbeddedMongoTest} checks it).
 */
final class IdAnchoredH2Backend extends H2Backend {
  IdAnchoredH2Backend(String fileName) {
    super(fileName);
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
