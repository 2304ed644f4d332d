package org.taskforce.cases.intake.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.adapter.mongo.KeysetPages;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.intake.application.TipQuery;
import org.taskforce.cases.intake.application.TipStore;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;

/**
 * Tips in the collection {@value #COLLECTION}; a change is one conditional write on the version.
 * Related tips are found through {@link MongoRelationKeys} (collection {@code tip_relation_keys}).
 */
public final class MongoTipStore implements TipStore, MongoIndexes {
  public static final String COLLECTION = "tips";
  private static final String CLAIMED = "claim.claimed";
  private final MongoCollection<Document> tips;
  private final MongoRelationKeys keys;
  private final PageTokens pageTokens;

  public MongoTipStore(MongoDatabase database, PageTokens pageTokens) {
    this.tips = database.getCollection(COLLECTION);
    this.keys = new MongoRelationKeys(database);
    this.pageTokens = pageTokens;
  }

  @Override
  public Optional<Tip> get(String tipId) {
    return MongoDocuments.byId(tips, tipId, TipDocuments::fromDocument);
  }

  @Override
  public boolean insertIfAbsent(Tip tip) {
    keys.add(tip.id(), tip.version(), tip.relationKeys());
    return MongoInserts.insertIfAbsent(tips, TipDocuments.toDocument(tip));
  }

  @Override
  public boolean replace(Tip next, long expectedVersion) {
    Set<String> now = next.relationKeys();
    keys.add(next.id(), next.version(), now);
    Document before =
        tips.findOneAndReplace(
            and(eq("_id", next.id()), eq("version", expectedVersion)),
            TipDocuments.toDocument(next),
            new FindOneAndReplaceOptions().projection(Projections.include("keys")));
    if (before == null) {
      return false;
    }
    Set<String> dropped = new TreeSet<>(before.getList("keys", String.class, List.of()));
    dropped.removeAll(now);
    keys.remove(next.id(), next.version(), dropped);
    return true;
  }

  @Override
  public Page<Tip> related(
      String tipId, Set<String> sharing, String visibleTo, int pageSize, String pageToken) {
    Set<String> candidates = keys.tipsSharing(sharing, tipId);
    List<Document> visible = new ArrayList<>();
    if (!candidates.isEmpty()) {
      for (Document d : tips.find(in("_id", candidates.stream().sorted().toList()))) {
        // The pointers may be stale (see MongoRelationKeys): each candidate answers for itself.
        List<String> own = d.getList("keys", String.class, List.of());
        if (d.getList("agencies", String.class, List.of()).contains(visibleTo)
            && own.stream().anyMatch(sharing::contains)) {
          visible.add(d);
        }
      }
    }
    visible.sort(NEWEST_FIRST);
    PageQuery query = PageQuery.of("tips.related").with("tip", tipId).with("reader", visibleTo);
    return page(
        query,
        pageToken,
        pageSize,
        (after, limit) ->
            visible.stream()
                .filter(d -> after.isEmpty() || NEWEST_FIRST.compare(d, position(after)) > 0)
                .limit(limit)
                .toList());
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
    Bson filter = and(filters);
    PageQuery query =
        PageQuery.of("tips")
            .with("reader", q.visibleTo())
            .with("statuses", q.statuses())
            .with("sources", q.sources())
            .with("urgent", q.urgentOnly());
    return page(
        query,
        pageToken,
        pageSize,
        (after, limit) -> {
          Bson page = filter;
          if (!after.isEmpty()) {
            Date time = new Date(PageTokens.number(after, 0));
            String id = PageTokens.part(after, 1);
            page =
                and(
                    filter,
                    or(
                        lt(KeysetPages.SORT_TIME, time),
                        and(eq(KeysetPages.SORT_TIME, time), lt("_id", id))));
          }
          return tips.find(page)
              .sort(Sorts.descending(KeysetPages.SORT_TIME, "_id"))
              .limit(limit)
              .into(new ArrayList<>());
        });
  }

  /** Newest first by ({@value KeysetPages#SORT_TIME}, {@code _id}), as tokens name positions. */
  private static final Comparator<Document> NEWEST_FIRST =
      Comparator.comparing((Document d) -> d.getDate(KeysetPages.SORT_TIME))
          .thenComparing(d -> d.getString("_id"))
          .reversed();

  private static Document position(List<String> after) {
    return new Document(KeysetPages.SORT_TIME, new Date(PageTokens.number(after, 0)))
        .append("_id", PageTokens.part(after, 1));
  }

  /** One page through the shared page tokens (bound to the query, refusing any other). */
  private Page<Tip> page(
      PageQuery query, String token, int size, PageTokens.Fetch<Document> fetch) {
    var page =
        pageTokens.page(
            query,
            token,
            size,
            fetch,
            d ->
                List.of(
                    String.valueOf(d.getDate(KeysetPages.SORT_TIME).getTime()),
                    d.getString("_id")));
    return new Page<>(
        page.items().stream().map(TipDocuments::fromDocument).toList(), page.nextPageToken());
  }

  @Override
  public List<Tip> converting(Instant claimedBefore, int limit) {
    return tips.find(
            and(eq("status", TipStatus.CONVERTING.name()), lt(CLAIMED, Date.from(claimedBefore))))
        .sort(Sorts.ascending(CLAIMED, "_id"))
        .limit(limit)
        .map(TipDocuments::fromDocument)
        .into(new ArrayList<>());
  }

  @Override
  public void forEachReceived(String agencyId, TipSource source, Consumer<Tip> each) {
    for (Document d :
        tips.find(and(eq("receivingAgencyId", agencyId), eq("source", source.name())))
            .sort(Sorts.ascending(KeysetPages.SORT_TIME, "_id"))) {
      each.accept(TipDocuments.fromDocument(d));
    }
  }

  @Override
  public void create(MongoDatabase database) {
    MongoCollection<Document> c = database.getCollection(COLLECTION);
    if (!keys.backfilled()) {
      // Tips stored before the pointers were versioned get theirs now; the marker is written only
      // once every tip has them, so a start stopped part-way does it again (adding is idempotent).
      for (Document d : c.find().projection(Projections.include("keys", "version"))) {
        keys.add(
            d.getString("_id"),
            d.get("version", Number.class).longValue(),
            d.getList("keys", String.class, List.of()));
      }
      keys.markBackfilled();
    }
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("agencies"), Indexes.descending(KeysetPages.SORT_TIME, "_id")),
        new IndexOptions().name("agencies_created"));
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("receivingAgencyId", "source"),
            Indexes.ascending(KeysetPages.SORT_TIME)),
        new IndexOptions().name("receiving_source"));
    // The conversion sweep's query (few tips are ever CONVERTING, and only for moments).
    c.createIndex(Indexes.ascending("status", CLAIMED), new IndexOptions().name("status_claimed"));
  }
}
