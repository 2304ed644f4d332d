package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * CaseTallies}); the other records (outcomes, sessions, tips) by one aggregation pipeline per
 * collection ({@link TallyPipelines}), only stages the embedded mongo-java-server implements as
 * well; victims as persons ({@link VictimReads}); drill-downs and durations from the records.
 */
public final class MongoReportStore implements ReportStore {
  private final MongoDatabase database;
  private final CaseTallies caseTallies;
  private final RecordFilters filters;
  private final TallyPipelines pipelines;
  private final VictimReads victims;

  public MongoReportStore(MongoDatabase database, CaseTallies caseTallies) {
    this.database = database;
    this.caseTallies = caseTallies;
    this.filters = new RecordFilters(database);
    this.pipelines = new TallyPipelines(database, filters);
    this.victims = new VictimReads(database);
  }

  @Override
  public Map<String, Map<String, Long>> tallies(
      List<TallyQuery> queries, ReportPeriod period, String agency) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    List<TallyQuery> fromTallies = queries.stream().filter(q -> tallied(q, period)).toList();
    if (!fromTallies.isEmpty()) {
      out.putAll(
          CaseTallyReads.answer(
              fromTallies, caseTallies.read(period.start(), period.end()), agency));
    }
    List<TallyQuery> rest = queries.stream().filter(q -> !fromTallies.contains(q)).toList();
    if (!rest.isEmpty()) {
      out.putAll(pipelines.tallies(rest, period, agency));
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

  @Override
  public List<VictimPerson> victims(ReportPeriod period, String agency) {
    return victims.victims(period, agency);
  }

  @Override
  public long[] durations(Source source, String fromField, ReportPeriod period, String agency) {
    List<Long> out = new ArrayList<>();
    for (Document d :
        database
            .getCollection(source.collection())
            .find(filters.match(source, period, agency))
            .projection(Projections.include(fromField, source.timeField()))) {
      Date from = RecordFilters.time(d, fromField);
      Date to = RecordFilters.time(d, source.timeField());
      if (from != null && to != null) {
        out.add(Math.max(0, (to.getTime() - from.getTime()) / 1000));
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
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
    List<Bson> conditions = new ArrayList<>();
    conditions.add(filters.match(source, period, agency));
    if (groupBy != null) {
      conditions.add(eq(groupBy, dimension));
    }
    if (source.scope() == Source.Scope.TIP) {
      conditions.add(eq("agencies", reader == null ? "" : reader)); // no task-force-wide reader
    } else if (reader != null && source.scope() != Source.Scope.AGENCY_OPEN) {
      conditions.add(filters.scope(source, reader));
    }
    return Paging.page(
        database.getCollection(source.collection()),
        and(conditions),
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
                RecordFilters.time(d, source.timeField()).toInstant()));
  }
}
