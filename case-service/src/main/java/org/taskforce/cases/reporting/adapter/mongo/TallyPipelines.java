package org.taskforce.cases.reporting.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.reporting.application.CaseMeasures;
import org.taskforce.cases.reporting.application.ReportStore.TallyQuery;
import org.taskforce.cases.reporting.application.Source;
import org.taskforce.platform.reporting.ReportPeriod;

/**
 * Tallies the day buckets do not hold, by one aggregation pipeline per collection: {@code $match}
 * on the share, then a {@code $facet} with one sub-pipeline per tally ({@code $match} on its period
 * and conditions, {@code $group}), so the collection is read once however many measures count it.
 *
 * <p>Records of cases ({@link Source.Scope#CASE_RECORD}, such as outcomes) in an agency's share are
 * not matched by {@code caseId $in} the agency's cases: the embedded server evaluates that as a
 * scan of the list per record (measured: 14.7 s for a share of ~30,000 cases and 20,000 outcomes).
 * The pipeline groups by case as well, and the groups of the agency's cases are kept here, in a
 * hash set.
 */
final class TallyPipelines {
  private final MongoDatabase database;
  private final RecordFilters filters;

  TallyPipelines(MongoDatabase database, RecordFilters filters) {
    this.database = database;
    this.filters = filters;
  }

  Map<String, Map<String, Long>> tallies(
      List<TallyQuery> queries, ReportPeriod period, String agency) {
    Map<String, List<TallyQuery>> byCollection = new LinkedHashMap<>();
    queries.forEach(
        q -> byCollection.computeIfAbsent(q.source().collection(), c -> new ArrayList<>()).add(q));
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (List<TallyQuery> group : byCollection.values()) {
      Source first = group.get(0).source();
      boolean byCase = agency != null && first.scope() == Source.Scope.CASE_RECORD;
      Set<String> cases = byCase ? filters.caseIdsOf(agency) : Set.of();
      Document facets = new Document();
      for (int i = 0; i < group.size(); i++) {
        TallyQuery q = group.get(i);
        List<Bson> stages = new ArrayList<>();
        stages.add(new Document("$match", filters.match(q.source(), period, null)));
        if (q.groupBy() != null && CaseMeasures.LIST_FIELDS.contains(q.groupBy())) {
          stages.add(new Document("$unwind", "$" + q.groupBy())); // once under each value
        }
        stages.add(grouping(q, byCase));
        facets.append("f" + i, stages);
      }
      List<Bson> pipeline = new ArrayList<>();
      if (agency != null && !byCase) {
        pipeline.add(new Document("$match", filters.scope(first, agency)));
      }
      pipeline.add(new Document("$facet", facets));
      Document result = database.getCollection(first.collection()).aggregate(pipeline).first();
      for (int i = 0; i < group.size(); i++) {
        List<Document> rows = result == null ? List.of() : result.getList("f" + i, Document.class);
        out.put(group.get(i).name(), counts(group.get(i), rows, byCase ? cases : null));
      }
    }
    return out;
  }

  /**
   * One {@code $group} per (value of the breakdown, distinct value, case when the share is kept
   * here): with the sum or the number of records.
   */
  private static Bson grouping(TallyQuery q, boolean byCase) {
    Document key = new Document("g", q.groupBy() == null ? null : "$" + q.groupBy());
    if (q.distinctField() != null) {
      key.append("d", "$" + q.distinctField());
    }
    if (byCase) {
      key.append("c", "$caseId");
    }
    Object add = q.sumField() == null ? 1 : "$" + q.sumField();
    return new Document("$group", new Document("_id", key).append("n", new Document("$sum", add)));
  }

  /** Counts per value of the breakdown from the groups (of the share's cases only, if given). */
  private static Map<String, Long> counts(TallyQuery q, List<Document> rows, Set<String> cases) {
    Map<String, Long> counts = new HashMap<>();
    Set<List<Object>> distinct = new HashSet<>();
    for (Document row : rows) {
      Document id = row.get("_id", Document.class);
      if (cases != null && !cases.contains(id.getString("c"))) {
        continue;
      }
      Object g = id.get("g");
      String key = g == null ? "" : g.toString();
      if (q.distinctField() == null) {
        counts.merge(key, ((Number) row.get("n")).longValue(), Long::sum);
      } else if (distinct.add(java.util.Arrays.asList(key, id.get("d")))) {
        counts.merge(key, 1L, Long::sum);
      }
    }
    return counts;
  }
}
