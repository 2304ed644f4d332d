package org.taskforce.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * The embedded server's in-memory backend, with one difference: a query that pins {@code _id} by
 * equality <em>and</em> adds other conditions — every compare-and-set write here, such as {@code
 * {$and: [{_id: x}, {version: 3}]}} — is answered from the {@code _id} index, as a real MongoDB
 * does, instead of scanning the whole collection (the server uses an index only when the query
 * names exactly its fields). The other conditions are still checked on the one document found.
 */
final class IdAnchoredMemoryBackend extends MemoryBackend {
  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getCursorRegistry());
  }

  /**
   * Where the {@code _id} index puts the one document {@code query} pins beside other conditions;
   * null when the collection's own planning applies.
   */
  static <P> Iterable<P> anchoredPositions(
      de.bwaldvogel.mongo.backend.AbstractMongoCollection<P> collection, Document query) {
    Document anchor = idAnchor(query);
    if (anchor != null) {
      for (Index<P> index : collection.getIndexes()) {
        if (index.canHandle(anchor)) {
          return index.getPositions(anchor);
        }
      }
    }
    return null;
  }

  /** {@code {_id: value}} when {@code query} pins {@code _id} to one plain value beside others. */
  static Document idAnchor(Document query) {
    if (query.size() > 1 && plain(query.get("_id"))) {
      return new Document("_id", query.get("_id"));
    }
    if (query.size() == 1 && query.get("$and") instanceof List<?> all) {
      for (Object part : all) {
        if (part instanceof Document d && plain(d.get("_id"))) {
          return new Document("_id", d.get("_id"));
        }
      }
    }
    return null;
  }

  /** A value compared by equality: not an operator document, array or pattern. */
  private static boolean plain(Object value) {
    return value != null
        && !(value instanceof Map<?, ?>)
        && !(value instanceof Iterable<?>)
        && !(value instanceof java.util.regex.Pattern)
        && !(value instanceof de.bwaldvogel.mongo.bson.BsonRegularExpression);
  }

  private static final class Database extends MemoryDatabase {
    Database(String name, CursorRegistry cursors) {
      super(name, cursors);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
      // cursorRegistry, not a field of ours: the superclass opens collections while constructing.
      return new Collection(this, name, options, cursorRegistry);
    }
  }

  private static final class Collection extends MemoryCollection {
    Collection(
        MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
      super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(
        Document query,
        Document orderBy,
        int skip,
        int limit,
        int batchSize,
        Document fieldSelector) {
      Iterable<Integer> at = anchoredPositions(this, query);
      return at != null
          ? matchDocuments(query, at, orderBy, skip, limit, batchSize, fieldSelector)
          : super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }
  }
}
