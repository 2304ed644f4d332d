package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.taskforce.cases.reporting.domain.VictimPerson;
import org.taskforce.platform.reporting.ReportPeriod;

/**
 * Victims as persons: the records read once (projected) with their cases (by {@code _id}), grouped
 * by person key so duplicates across cases count once; persons kept if one of their cases was
 * active in the period.
 */
final class VictimReads {
  private final MongoDatabase database;

  VictimReads(MongoDatabase database) {
    this.database = database;
  }

  /**
   * The victim records made before the period ends (one read, projected), the cases they belong to
   * (one read by {@code _id}), then grouped by person key: persons with a case active in the period
   * and, for an agency's share, only the records of cases the agency takes part in.
   */
  List<VictimPerson> victims(ReportPeriod period, String agency) {
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

  private static Optional<VictimPerson> person(
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
      return Optional.empty();
    }
    return Optional.of(
        new VictimPerson(first.toInstant(), confirmed, minor, citizenships, types, services));
  }
}
