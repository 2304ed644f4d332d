package org.taskforce.deconfliction.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.reporting.application.Measure;
import org.taskforce.deconfliction.reporting.application.ReportStore;
import org.taskforce.deconfliction.reporting.application.Source;

/**
 * The deconfliction report computed by MongoDB: counts as {@code $match} + {@code $group}
 * pipelines; durations as {@code $match} (+ {@code $unwind} of the sides) + {@code $project} of the
 * two instants, the percentiles then taken over the projected pairs (MongoDB 7's {@code
 * $percentile} is not implemented by the embedded mongo-java-server). Only stages both servers run.
 */
public final class MongoReportStore implements ReportStore {
  private final MongoDatabase database;

  public MongoReportStore(MongoDatabase database) {
    this.database = database;
  }

  @Override
  public Map<String, Long> count(
      Source source, Instant from, Instant until, String agency, String groupBy) {
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
      int offset,
      int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(match(source, from, until, agency));
    if (groupBy != null) {
      filters.add(eq(groupBy, dimension));
    }
    if (reader != null) {
      filters.add(eq(source.agencyField(), reader));
    }
    List<RecordRef> out = new ArrayList<>();
    database
        .getCollection(source.collection())
        .find(and(filters))
        .sort(Sorts.orderBy(Sorts.descending(source.timeField()), Sorts.ascending("_id")))
        .skip(offset)
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
