package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.application.ReportStore;
import org.taskforce.cases.reporting.application.Source;
import org.taskforce.cases.reporting.domain.VictimPerson;
import org.taskforce.platform.reporting.ReportPeriod;

/**
 * The report's numbers computed by MongoDB: one aggregation pipeline per measure ({@code $match} on
 * the period, the share and the measure's conditions, then {@code $group}), only stages and
 * operators that the embedded mongo-java-server implements as well ({@code $match}, {@code $group}
 * with {@code $sum}, {@code $min}, {@code $max}, {@code $addToSet}, {@code $push}; see
 * MongoReportStoreIT). Victims are grouped by person key in the database, so duplicates across
 * cases count once; the persons are then kept if one of their cases was active in the period.
 */
public final class MongoReportStore implements ReportStore {
  private final MongoDatabase database;

  public MongoReportStore(MongoDatabase database) {
    this.database = database;
  }

  /**
   * One pipeline per collection: {@code $match} on the share, then a {@code $facet} with one
   * sub-pipeline per tally ({@code $match} on its period and conditions, {@code $group}), so the
   * collection is read once however many measures count it.
   */
  @Override
  public Map<String, Map<String, Long>> tallies(
      List<TallyQuery> queries, ReportPeriod period, String agency) {
    Map<String, List<TallyQuery>> byCollection = new java.util.LinkedHashMap<>();
    for (TallyQuery q : queries) {
      byCollection.computeIfAbsent(q.source().collection(), c -> new ArrayList<>()).add(q);
    }
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (List<TallyQuery> group : byCollection.values()) {
      Source first = group.get(0).source();
      Document facets = new Document();
      for (int i = 0; i < group.size(); i++) {
        TallyQuery q = group.get(i);
        List<Bson> stages = new ArrayList<>();
        stages.add(new Document("$match", match(q.source(), period, null)));
        stages.addAll(grouping(q.groupBy(), q.sumField(), q.distinctField()));
        facets.append("f" + i, stages);
      }
      List<Bson> pipeline = new ArrayList<>();
      if (agency != null) {
        pipeline.add(new Document("$match", scope(first, agency)));
      }
      pipeline.add(new Document("$facet", facets));
      Document result = database.getCollection(first.collection()).aggregate(pipeline).first();
      for (int i = 0; i < group.size(); i++) {
        Map<String, Long> counts = new HashMap<>();
        List<Document> rows = result == null ? List.of() : result.getList("f" + i, Document.class);
        for (Document d : rows) {
          Object id = d.get("_id");
          counts.merge(
              id == null ? "" : id.toString(), ((Number) d.get("n")).longValue(), Long::sum);
        }
        out.put(group.get(i).name(), counts);
      }
    }
    return out;
  }

  private static List<Bson> grouping(String groupBy, String sumField, String distinctField) {
    List<Bson> stages = new ArrayList<>();
    Object key = groupBy == null ? null : "$" + groupBy;
    if (distinctField != null) {
      stages.add(
          new Document(
              "$group",
              new Document("_id", new Document("g", key).append("d", "$" + distinctField))));
      key = "$_id.g";
    }
    Object add = sumField == null ? 1 : "$" + sumField;
    stages.add(
        new Document("$group", new Document("_id", key).append("n", new Document("$sum", add))));
    return stages;
  }

  @Override
  public List<VictimPerson> victims(ReportPeriod period, String agency) {
    Map<String, String> activeCases = new HashMap<>();
    database
        .getCollection("cases")
        .find(and(overlaps("createdAt", "closedAt", period), caseScope(agency)))
        .projection(Projections.include("type"))
        .forEach(d -> activeCases.put(d.getString("_id"), d.getString("type")));
    if (activeCases.isEmpty()) {
      return List.of();
    }
    List<Bson> filters = new ArrayList<>();
    filters.add(lt("createdAt", Date.from(period.until())));
    if (agency != null) {
      filters.add(in("caseId", caseIdsOf(agency)));
    }
    List<Bson> pipeline =
        List.of(
            new Document("$match", and(filters)),
            new Document(
                "$group",
                new Document("_id", "$personKey")
                    .append("first", new Document("$min", "$createdAt"))
                    .append("identifications", new Document("$addToSet", "$identification"))
                    .append("minor", new Document("$max", "$minor"))
                    .append("citizenships", new Document("$addToSet", "$citizenship"))
                    .append("cases", new Document("$addToSet", "$caseId"))
                    .append("services", new Document("$push", "$servicesEngaged"))));
    List<VictimPerson> persons = new ArrayList<>();
    for (Document d : database.getCollection("victims").aggregate(pipeline)) {
      Set<String> types = new HashSet<>();
      for (String caseId : d.getList("cases", String.class)) {
        String type = activeCases.get(caseId);
        if (type != null) {
          types.add(type);
        }
      }
      if (types.isEmpty()) {
        continue;
      }
      Set<String> services = new HashSet<>();
      for (Object list : d.getList("services", Object.class)) {
        if (list instanceof List<?> l) {
          l.forEach(s -> services.add(s.toString()));
        }
      }
      persons.add(
          new VictimPerson(
              d.getDate("first").toInstant(),
              d.getList("identifications", String.class).contains("CONFIRMED"),
              Boolean.TRUE.equals(d.getBoolean("minor")),
              d.getList("citizenships", String.class).stream()
                  .filter(c -> c != null && !c.equals("UNKNOWN"))
                  .collect(Collectors.toSet()),
              types,
              services));
    }
    return persons;
  }

  @Override
  public Page<RecordRef> records(
      Source source,
      ReportPeriod period,
      String agency,
      String groupBy,
      String dimension,
      String reader,
      int pageSize,
      String pageToken) {
    List<Bson> filters = new ArrayList<>();
    filters.add(match(source, period, agency));
    if (groupBy != null) {
      filters.add(eq(groupBy, dimension));
    }
    if (reader != null && source.scope() != Source.Scope.AGENCY_OPEN) {
      filters.add(scope(source, reader));
    }
    return Paging.page(
        database.getCollection(source.collection()),
        and(filters),
        source.timeField(),
        pageSize,
        pageToken,
        d ->
            new RecordRef(
                source.recordType(),
                d.get("_id").toString(),
                source.scope() == Source.Scope.CASE ? d.getString("_id") : d.getString("caseId"),
                source.titleFields().stream()
                    .map(f -> d.get(f) == null ? "" : d.get(f).toString())
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(" ")),
                d.getDate(source.timeField()).toInstant()));
  }

  private Bson match(Source source, ReportPeriod period, String agency) {
    List<Bson> filters = new ArrayList<>();
    filters.add(
        source.endField() == null
            ? and(
                gte(source.timeField(), Date.from(period.from())),
                lt(source.timeField(), Date.from(period.until())))
            : overlaps(source.timeField(), source.endField(), period));
    source
        .where()
        .forEach((field, value) ->
            filters.add(value instanceof List<?> l ? in(field, l) : eq(field, value)));
    if (agency != null) {
      filters.add(scope(source, agency));
    }
    return and(filters);
  }

  /** Started before the period ends and not ended before it starts (no end: still going). */
  private static Bson overlaps(String start, String end, ReportPeriod period) {
    return and(
        lt(start, Date.from(period.until())),
        or(eq(end, null), gte(end, Date.from(period.from()))));
  }

  /** The records an agency takes part in. */
  private Bson scope(Source source, String agency) {
    return switch (source.scope()) {
      case CASE -> eq("activeAgencies", agency);
      case CASE_RECORD -> in("caseId", caseIdsOf(agency));
      case AGENCY_OPEN -> eq("agencyId", agency);
    };
  }

  private static Bson caseScope(String agency) {
    return agency == null ? new Document() : eq("activeAgencies", agency);
  }

  private List<String> caseIdsOf(String agency) {
    List<String> ids = new ArrayList<>();
    database
        .getCollection("cases")
        .find(eq("activeAgencies", agency))
        .projection(Projections.include("_id"))
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }
}
