package org.taskforce.cases.intake.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.adapter.mongo.Documents;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.intake.application.TipQuery;
import org.taskforce.cases.intake.application.TipStore;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/**
 * Tips in the collection {@value #COLLECTION}; a change is one conditional write on the version.
 */
public final class MongoTipStore implements TipStore, MongoIndexes {
  public static final String COLLECTION = "tips";
  private final MongoCollection<Document> tips;

  public MongoTipStore(MongoDatabase database) {
    this.tips = database.getCollection(COLLECTION);
  }

  @Override
  public Optional<Tip> get(String tipId) {
    return Optional.ofNullable(tips.find(eq("_id", tipId)).first()).map(TipDocuments::fromDocument);
  }

  @Override
  public boolean insertIfAbsent(Tip tip) {
    return MongoInserts.insertIfAbsent(tips, TipDocuments.toDocument(tip));
  }

  @Override
  public boolean replace(Tip next, long expectedVersion) {
    return tips.replaceOne(
                and(eq("_id", next.id()), eq("version", expectedVersion)),
                TipDocuments.toDocument(next))
            .getMatchedCount()
        == 1;
  }

  @Override
  public Page<Tip> list(TipQuery q, int pageSize, String pageToken) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq("agencies", q.visibleTo()));
    if (!q.statuses().isEmpty()) {
      filters.add(in("status", q.statuses().stream().map(Enum::name).sorted().toList()));
    }
    if (!q.sources().isEmpty()) {
      filters.add(in("source", q.sources().stream().map(Enum::name).sorted().toList()));
    }
    if (q.urgentOnly()) {
      filters.add(eq("urgent", true));
    }
    if (!q.sharingAnyOf().isEmpty()) {
      filters.add(in("keys", q.sharingAnyOf().stream().sorted().toList()));
    }
    if (q.excludedTipId() != null) {
      filters.add(ne("_id", q.excludedTipId()));
    }
    return Documents.page(tips, and(filters), pageSize, pageToken, TipDocuments::fromDocument);
  }

  @Override
  public void forEachReceived(String agencyId, TipSource source, Consumer<Tip> each) {
    for (Document d :
        tips.find(and(eq("receivingAgencyId", agencyId), eq("source", source.name())))
            .sort(Sorts.ascending(Documents.SORT_TIME, "_id"))) {
      each.accept(TipDocuments.fromDocument(d));
    }
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("agencies"), Indexes.descending(Documents.SORT_TIME, "_id")),
        new IndexOptions().name("agencies_created"));
    c.createIndex(Indexes.ascending("keys"), new IndexOptions().name("keys"));
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("receivingAgencyId", "source"),
            Indexes.ascending(Documents.SORT_TIME)),
        new IndexOptions().name("receiving_source"));
  }
}
