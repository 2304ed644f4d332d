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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.reporting.application.Source;
import org.taskforce.platform.reporting.ReportPeriod;

/** The filters that put a source's records in a period and in an agency's share. */
final class RecordFilters {
  private final MongoDatabase database;

  RecordFilters(MongoDatabase database) {
    this.database = database;
  }

  /** The records of the source in the period (and, with an agency, in its share). */
  Bson match(Source source, ReportPeriod period, String agency) {
    List<Bson> filters = new ArrayList<>();
    filters.add(inPeriod(source, period));
    source
        .where()
        .forEach((field, value) ->
            filters.add(value instanceof List<?> l ? in(field, l) : eq(field, value)));
    if (agency != null) {
      filters.add(scope(source, agency));
    }
    return and(filters);
  }

  private static Bson inPeriod(Source source, ReportPeriod period) {
    if (source.endField() == null) {
      return and(
          gte(source.timeField(), Date.from(period.from())),
          lt(source.timeField(), Date.from(period.until())));
    }
    // started before the period ends and not ended before it starts (no end: still going)
    return and(
        lt(source.timeField(), Date.from(period.until())),
        or(eq(source.endField(), null), gte(source.endField(), Date.from(period.from()))));
  }

  /** The records an agency takes part in. */
  Bson scope(Source source, String agency) {
    return switch (source.scope()) {
      case CASE -> eq("activeAgencies", agency);
      case CASE_RECORD -> in("caseId", new ArrayList<>(caseIdsOf(agency)));
      case AGENCY_OPEN -> eq("agencyId", agency);
      case TIP -> eq("agencies", agency);
    };
  }

  /** The cases the agency takes part in (one projected read of the cases). */
  Set<String> caseIdsOf(String agency) {
    Set<String> ids = new HashSet<>();
    database
        .getCollection("cases")
        .find(eq("activeAgencies", agency))
        .projection(Projections.include("_id"))
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  /** A date at a dotted path ({@code decided.time}). */
  static Date time(Document d, String path) {
    return d.getEmbedded(List.of(path.split("\\.")), Date.class);
  }
}
