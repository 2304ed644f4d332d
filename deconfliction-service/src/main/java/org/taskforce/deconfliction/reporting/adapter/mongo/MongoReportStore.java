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

/**
 * The deconfliction report: checks from the day counts kept beside the audit entries ({@link
 * AuditTallies}, whole days); other counts computed by MongoDB as {@code $match} + {@code $group}
 * pipelines; durations as {@code $match} (+ {@code $unwind} of the sides) + {@code $project} of the
 * two instants, the percentiles then taken over the projected pairs (MongoDB 7's {@code
 * $percentile} is not implemented by the embedded mongo-java-server). Only stages both servers run.
 */
public final class MongoReportStore implements ReportStore {
  private final MongoDatabase database;
  private final AuditTallies checks;

  public MongoReportStore(MongoDatabase database, AuditTallies checks) {
    this.database = database;
    this.checks = checks;
  }

  @Override
  public Map<String, Long> count(
      Source source, Instant from, Instant until, String agency, String groupBy) {
    if (source.collection().equals(AuditTrail.COLLECTION)
        && "action".equals(groupBy)
        && source.where().keySet().equals(Set.of("action"))
        && source.where().get("action") instanceof List<?> actions
        && DeconflictionMeasures.CHECK_ACTIONS.containsAll(actions)
        && from != null
        && until != null) {
      LocalDate start = from.atZone(checks.zone()).toLocalDate();
      LocalDate end = until.atZone(checks.zone()).toLocalDate().minusDays(1);
      if (start.atStartOfDay(checks.zone()).toInstant().equals(from)
          && end.plusDays(1).atStartOfDay(checks.zone()).toInstant().equals(until)) {
        // whole days: the day counts kept beside the audit entries answer, not the trail
        Map<String, Long> out = new HashMap<>();
        for (Object action : actions) {
          long n = checks.count(action.toString(), start, end, agency);
          if (n > 0) {
            out.put(action.toString(), n);
          }
        }
        return out;
      }
    }
    List<Bson> pipeline =
        List.of(
            new Document("$match", match(source, from, until, agency)),
            new Document(
                "$group",
                new Document("_id", groupBy == null ? null : "$" + groupBy)
                    .append("n", new Document("$sum", 1))));
    Map<String, Long> out = new HashMap<>();
    for (Document d : database.getCollection(source.collection()).aggregate(pipeline)) {
      Object id = d.get("_id");
      out.merge(id == null ? "" : id.toString(), ((Number) d.get("n")).longValue(), Long::sum);
    }
    return out;
  }

  @Override
  public long[] durations(Measure.Durations m, Instant from, Instant until, String agency) {
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
