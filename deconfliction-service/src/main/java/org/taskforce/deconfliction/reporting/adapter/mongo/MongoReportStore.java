package org.taskforce.deconfliction.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.reporting.application.DeconflictionMeasures;
import org.taskforce.deconfliction.reporting.application.Measure;
import org.taskforce.deconfliction.reporting.application.ReportStore;
import org.taskforce.deconfliction.reporting.application.Source;
import org.taskforce.platform.audit.AuditTallies;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.mongo.RecordTallies;

/**
 * The deconfliction report: checks from the day counts kept beside the audit entries ({@link
 * AuditTallies}, whole days); conflicts and operations from the day counts kept as they are written
 * ({@link TalliedReads}); what those do not answer computed by MongoDB as {@code $match} + {@code
 * $group} pipelines; durations as {@code $match} (+ {@code $unwind} of the sides) + {@code
 * $project} of the two instants, the percentiles then taken over the projected pairs (MongoDB 7's
 * {@code $percentile} is not implemented by the embedded mongo-java-server). Only stages both
 * servers run.
 */
public final class MongoReportStore implements ReportStore {
  private final MongoDatabase database;
  private final AuditTallies checks;
  private final TalliedReads tallied;

  /** Conflicts and operations aggregated from the records at report time (pipelines). */
  public MongoReportStore(MongoDatabase database, AuditTallies checks) {
    this(database, checks, null);
  }

  /**
   * Conflicts and operations from the day counts {@code records} keeps as they are written ({@link
   * ReportCountings}), where those answer.
   */
  public MongoReportStore(MongoDatabase database, AuditTallies checks, RecordTallies records) {
    this.database = database;
    this.checks = checks;
    this.tallied = records == null ? null : new TalliedReads(records, checks.zone());
  }

  /**
   * The checks from their day counts; every other collection read once for all its counts: one
   * {@code $facet} of {@code $match} + {@code $group} per count (the embedded server streams the
   * whole collection through every pipeline, so four pipelines over {@code conflicts} were four
   * full reads).
   */
  @Override
  public Map<String, Map<String, Long>> counts(List<CountQuery> queries, String agency) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    Map<String, List<CountQuery>> byCollection = new java.util.LinkedHashMap<>();
    List<CountQuery> fromTallies = new ArrayList<>();
    for (CountQuery q : queries) {
      Map<String, Long> fromDays = checkDays(q, agency);
      if (fromDays != null) {
        out.put(q.key(), fromDays);
      } else if (tallied != null && tallied.answers(q)) {
        fromTallies.add(q);
      } else {
        byCollection.computeIfAbsent(q.source().collection(), c -> new ArrayList<>()).add(q);
      }
    }
    if (!fromTallies.isEmpty()) {
      out.putAll(tallied.counts(fromTallies, agency));
    }
    // what no day counts answer (registrations expiring soon, a period not of whole days)
    byCollection.forEach((collection, group) -> {
      Document facets = new Document();
      for (int i = 0; i < group.size(); i++) {
        CountQuery q = group.get(i);
        facets.append(
            "f" + i,
            List.of(
                new Document("$match", match(q.source(), q.from(), q.until(), agency)),
                new Document(
                    "$group",
                    new Document("_id", q.groupBy() == null ? null : "$" + q.groupBy())
                        .append("n", new Document("$sum", 1)))));
      }
      Document result =
          database
              .getCollection(collection)
              .aggregate(List.of(new Document("$facet", facets)))
              .first();
      for (int i = 0; i < group.size(); i++) {
        Map<String, Long> counts = new HashMap<>();
        for (Document d :
            result == null ? List.<Document>of() : result.getList("f" + i, Document.class)) {
          Object id = d.get("_id");
          counts.merge(
              id == null ? "" : id.toString(), ((Number) d.get("n")).longValue(), Long::sum);
        }
        out.put(group.get(i).key(), counts);
      }
    });
    return out;
  }

  /** Checks over whole days, from the day counts kept beside the audit entries; else null. */
  private Map<String, Long> checkDays(CountQuery q, String agency) {
    Source source = q.source();
    Instant from = q.from();
    Instant until = q.until();
    if (!(source.collection().equals(AuditTrail.COLLECTION)
        && "action".equals(q.groupBy())
        && source.where().keySet().equals(Set.of("action"))
        && source.where().get("action") instanceof List<?> actions
        && DeconflictionMeasures.CHECK_ACTIONS.containsAll(actions)
        && from != null
        && until != null)) {
      return null;
    }
    LocalDate start = from.atZone(checks.zone()).toLocalDate();
    LocalDate end = until.atZone(checks.zone()).toLocalDate().minusDays(1);
    if (!start.atStartOfDay(checks.zone()).toInstant().equals(from)
        || !end.plusDays(1).atStartOfDay(checks.zone()).toInstant().equals(until)) {
      return null;
    }
    Map<String, Long> out = new HashMap<>();
    for (Object action : actions) {
      long n = checks.count(action.toString(), start, end, agency);
      if (n > 0) {
        out.put(action.toString(), n);
      }
    }
    return out;
  }

  @Override
  public long[] durations(Measure.Durations m, Instant from, Instant until, String agency) {
    long[] fromDays = tallied == null ? null : tallied.durations(m, from, until, agency);
    if (fromDays != null) {
      return fromDays;
    }
    List<Bson> pipeline = new ArrayList<>();
    pipeline.add(new Document("$match", match(m.source(), from, until, agency)));
    if (m.unwind() != null) {
      pipeline.add(new Document("$unwind", "$" + m.unwind()));
      List<Bson> element = new ArrayList<>();
      element.add(ne(m.toField(), null));
      if (agency != null && m.ownField() != null) {
        element.add(eq(m.ownField(), agency));
      }
      pipeline.add(new Document("$match", and(element)));
    }
    pipeline.add(
        new Document(
            "$project",
            new Document("_id", 0)
                .append("from", "$" + m.fromField())
                .append("to", "$" + m.toField())));
    List<Long> out = new ArrayList<>();
    for (Document d : database.getCollection(m.source().collection()).aggregate(pipeline)) {
      Date a = d.getDate("from");
      Date b = d.getDate("to");
      if (a != null && b != null) {
        out.add(Math.max(0, (b.getTime() - a.getTime()) / 1000));
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  public List<RecordRef> records(
      Source source,
      Instant from,
      Instant until,
      String agency,
      String groupBy,
      String dimension,
      String reader,
      List<String> after,
      int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(match(source, from, until, agency));
    if (groupBy != null) {
      filters.add(eq(groupBy, dimension));
    }
    if (reader != null) {
      filters.add(eq(source.agencyField(), reader));
    }
    if (!after.isEmpty()) {
      // keyset: later in (time descending, id ascending) than the last record given
      Date t = new Date(Long.parseLong(after.get(0)));
      filters.add(
          or(lt(source.timeField(), t), and(eq(source.timeField(), t), gt("_id", after.get(1)))));
    }
    List<RecordRef> out = new ArrayList<>();
    database
        .getCollection(source.collection())
        .find(and(filters))
        .sort(Sorts.orderBy(Sorts.descending(source.timeField()), Sorts.ascending("_id")))
        .limit(limit)
        .forEach(d ->
            out.add(
                new RecordRef(
                    source.recordType(),
                    d.get("_id").toString(),
                    String.valueOf(value(d, source.titleField())),
                    ((Date) value(d, source.timeField())).toInstant())));
    return out;
  }

  private static Object value(Document d, String path) {
    Object v = d;
    for (String part : path.split("\\.")) {
      v = v instanceof Document doc ? doc.get(part) : null;
    }
    return v;
  }

  private static Bson match(Source source, Instant from, Instant until, String agency) {
    List<Bson> filters = new ArrayList<>();
    if (from != null) {
      filters.add(gte(source.timeField(), Date.from(from)));
    }
    if (until != null) {
      filters.add(lt(source.timeField(), Date.from(until)));
    }
    source
        .where()
        .forEach((field, value) ->
            filters.add(value instanceof List<?> l ? in(field, l) : eq(field, value)));
    if (agency != null) {
      filters.add(eq(source.agencyField(), agency));
    }
    return filters.isEmpty() ? new Document() : and(filters);
  }
}
