package org.taskforce.deconfliction.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.application.ReviewStore;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.VersionedRecords;

/** The review queue in collection {@value #COLLECTION}, {@code _id} = the pair's id. */
public final class MongoReviewStore extends VersionedRecords<ReviewItem>
    implements ReviewStore, MongoIndexes {
  public static final String COLLECTION = "review_items";

  public MongoReviewStore(MongoDatabase database) {
    super(
        database.getCollection(COLLECTION),
        MongoReviewStore::toDocument,
        MongoReviewStore::fromDocument);
  }

  @Override
  public Optional<ReviewItem> find(String id) {
    return get(id);
  }

  @Override
  public boolean exists(String id) {
    return MongoDocuments.exists(collection(), id);
  }

  @Override
  public List<ReviewItem> list(Set<ReviewItem.Status> statuses, List<String> position, int limit) {
    List<Bson> filters = new ArrayList<>();
    RegistrationDocuments.addIn(filters, "status", statuses);
    return RegistrationDocuments.page(
        collection(), filters, "createTime", true, position, limit, MongoReviewStore::fromDocument);
  }

  @Override
  public List<ReviewItem> forRegistration(String registrationId) {
    return MongoDocuments.matching(
        collection(), eq("sides.registrationId", registrationId), MongoReviewStore::fromDocument);
  }

  @Override
  public boolean delete(String id, long expectedVersion) {
    return MongoDocuments.deleteAt(collection(), id, expectedVersion);
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> indexed = database.getCollection(COLLECTION);
    indexed.createIndex(
        Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createTime")),
        new IndexOptions().name("status_created"));
    // A withdrawal or purge finds a registration's review items by side.
    indexed.createIndex(Indexes.ascending("sides.registrationId"), new IndexOptions().name("side"));
  }

  static Document toDocument(ReviewItem item) {
    List<Document> sides = new ArrayList<>();
    item.sides().forEach(s -> sides.add(MongoConflictStore.side(s)));
    List<Document> compared = new ArrayList<>();
    item.comparedSelectors().forEach(s -> compared.add(RegistrationDocuments.selector(s)));
    return new Document("_id", item.id())
        .append("score", item.score())
        .append("reasons", item.reasons())
        .append("sides", sides)
        .append("compared", compared)
        .append("status", item.status().name())
        .append("createTime", RegistrationDocuments.date(item.createTime()))
        .append("decided", RegistrationDocuments.stamp(item.decided()))
        .append("note", item.decisionNote())
        .append("conflictId", item.conflictId())
        .append("version", item.version());
  }

  static ReviewItem fromDocument(Document document) {
    List<org.taskforce.deconfliction.domain.Conflict.Side> sides = new ArrayList<>();
    document.getList("sides", Document.class).forEach(s -> sides.add(MongoConflictStore.side(s)));
    List<TargetSelector> compared = new ArrayList<>();
    document
        .getList("compared", Document.class)
        .forEach(s -> compared.add(RegistrationDocuments.selector(s)));
    return new ReviewItem(
        document.getString("_id"),
        document.getDouble("score"),
        document.getList("reasons", String.class),
        sides,
        compared,
        ReviewItem.Status.valueOf(document.getString("status")),
        RegistrationDocuments.instant(document.getDate("createTime")),
        RegistrationDocuments.stamp(document.get("decided", Document.class)),
        document.getString("note"),
        document.getString("conflictId"),
        document.get("version", Number.class).longValue());
  }
}
