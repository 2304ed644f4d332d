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
 * The report's numbers: case counts from the day tallies kept as cases are written ({@link
 * CaseTallies}); the other records (outcomes, sessions) by one aggregation pipeline per collection
 * ({@code $match} on the share, a {@code $facet} per measure with its {@code $match} on the period
 * and conditions and {@code $group}), only stages the embedded mongo-java-server implements as
 * well. Victims: the records read once (projected) with their cases (by {@code _id}), grouped by
 * person key so duplicates across cases count once; persons kept if one of their cases was active
 * in the period.
 */
public final class MongoReportStore implements ReportStore {
  private final MongoDatabase database;
  private final CaseTallies caseTallies;

  public MongoReportStore(MongoDatabase database, CaseTallies caseTallies) {
    this.database = database;
    this.caseTallies = caseTallies;
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
    Map<String, Map<String, Long>> out = new HashMap<>();
    List<TallyQuery> fromTallies = queries.stream().filter(q -> tallied(q, period)).toList();
    if (!fromTallies.isEmpty()) {
      out.putAll(
          CaseTallyReads.answer(
              fromTallies, caseTallies.read(period.start(), period.end()), agency));
    }
    for (TallyQuery q : queries) {
      if (fromTallies.contains(q)) {
        continue;
      }
      byCollection.computeIfAbsent(q.source().collection(), c -> new ArrayList<>()).add(q);
    }
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

  /** Whether the day tallies answer a query: plain counts of cases, by a tallied field. */
  private boolean tallied(TallyQuery q, ReportPeriod period) {
    Source s = q.source();
    return s.collection().equals("cases")
        && s.where().isEmpty()
        && q.sumField() == null
        && q.distinctField() == null
        && (q.groupBy() == null || CaseTallies.FIELDS.contains(q.groupBy()))
        && CaseTallyReads.window(s) != null
        && period.zone().equals(caseTallies.zone());
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

  /**
   * The victim records made before the period ends (one read, projected), the cases they belong to
   * (one read by {@code _id}), then grouped by person key: persons with a case active in the period
   * and, for an agency's share, only the records of cases the agency takes part in.
   */
  @Override
  public List<VictimPerson> victims(ReportPeriod period, String agency) {
    List<Document> records = new ArrayList<>();
    database
        .getCollection("victims")
        .find(lt("createdAt", Date.from(period.until())))
        .projection(
            Projections.include(
                "personKey",
                "caseId",
                "createdAt",
                "identification",
                "minor",
                "citizenship",
                "servicesEngaged"))
        .into(records);
    Set<String> caseIds = new HashSet<>();
    records.forEach(r -> caseIds.add(r.getString("caseId")));
    Map<String, Document> caseOf = new HashMap<>();
    database
        .getCollection("cases")
        .find(in("_id", new ArrayList<>(caseIds)))
        .projection(Projections.include("type", "createdAt", "closedAt", "activeAgencies"))
        .forEach(d -> caseOf.put(d.getString("_id"), d));
    Map<String, List<Document>> byPerson = new HashMap<>();
    for (Document r : records) {
      Document c = caseOf.get(r.getString("caseId"));
      if (agency == null
          || c != null && c.getList("activeAgencies", String.class, List.of()).contains(agency)) {
        byPerson.computeIfAbsent(r.getString("personKey"), k -> new ArrayList<>()).add(r);
      }
    }
    List<VictimPerson> persons = new ArrayList<>();
    byPerson.forEach((key, mine) -> person(mine, caseOf, period).ifPresent(persons::add));
    return persons;
  }

  private static java.util.Optional<VictimPerson> person(
      List<Document> records, Map<String, Document> caseOf, ReportPeriod period) {
    Set<String> types = new HashSet<>();
    Set<String> services = new HashSet<>();
    Set<String> citizenships = new HashSet<>();
    Date first = null;
    boolean confirmed = false;
    boolean minor = false;
    for (Document r : records) {
      Document c = caseOf.get(r.getString("caseId"));
      Date opened = c == null ? null : c.getDate("createdAt");
      Date closed = c == null ? null : c.getDate("closedAt");
      if (opened != null
          && opened.before(Date.from(period.until()))
          && (closed == null || !closed.before(Date.from(period.from())))) {
        types.add(c.getString("type"));
      }
      Date made = r.getDate("createdAt");
      first = first == null || made.before(first) ? made : first;
      confirmed |= "CONFIRMED".equals(r.getString("identification"));
      minor |= Boolean.TRUE.equals(r.getBoolean("minor"));
      String citizenship = r.getString("citizenship");
      if (citizenship != null && !citizenship.equals("UNKNOWN")) {
        citizenships.add(citizenship);
      }
      if (r.get("servicesEngaged") instanceof List<?> l) {
        l.forEach(x -> services.add(x.toString()));
      }
    }
    if (types.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new VictimPerson(first.toInstant(), confirmed, minor, citizenships, types, services));
  }

  @Override
  public long[] durations(Source source, String fromField, ReportPeriod period, String agency) {
    List<Long> out = new ArrayList<>();
    for (Document d :
        database
            .getCollection(source.collection())
            .find(match(source, period, agency))
            .projection(Projections.include(fromField, source.timeField()))) {
      Date from = time(d, fromField);
      Date to = time(d, source.timeField());
      if (from != null && to != null) {
        out.add(Math.max(0, (to.getTime() - from.getTime()) / 1000));
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** A date at a dotted path ({@code decided.time}). */
  static Date time(Document d, String path) {
    return d.getEmbedded(List.of(path.split("\\.")), Date.class);
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
    if (source.scope() == Source.Scope.TIP) {
      filters.add(eq("agencies", reader == null ? "" : reader)); // no task-force-wide tip reader
    } else if (reader != null && source.scope() != Source.Scope.AGENCY_OPEN) {
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
                switch (source.scope()) {
                  case CASE -> d.getString("_id");
                  case TIP -> "";
                  default -> d.getString("caseId");
                },
                source.titleFields().stream()
                    .map(f -> d.get(f) == null ? "" : d.get(f).toString())
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(" ")),
                time(d, source.timeField()).toInstant()));
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
      case TIP -> eq("agencies", agency);
    };
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
