package org.taskforce.cases.reporting.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One person behind one or more victim records (records of one person share a person key): what the
 * report needs of them, and nothing that names them.
 *
 * @param firstSeen when the person's first record in the report's scope was made
 * @param confirmed whether any record identifies the person as a confirmed victim
 * @param minor whether any record says minor
 * @param citizenships the citizenships the records give (UNKNOWN left out)
 * @param caseTypes the kinds of the person's cases that were active in the period
 * @param services services engaged, over all the person's records
 */
public record VictimPerson(
    Instant firstSeen,
    boolean confirmed,
    boolean minor,
    Set<String> citizenships,
    Set<String> caseTypes,
    Set<String> services) {

  public VictimPerson {
    citizenships = Set.copyOf(citizenships);
    caseTypes = Set.copyOf(caseTypes);
    services = Set.copyOf(services);
  }

  /** New to the task force in the period, or a continuing client from before it. */
  public String clientStatus(Instant periodStart) {
    return firstSeen.isBefore(periodStart) ? "CONTINUING" : "NEW";
  }

  public String age() {
    return minor ? "MINOR" : "ADULT";
  }

  /** A foreign national on any record counts as one; else a citizen or resident; else unknown. */
  public String citizenship() {
    if (citizenships.contains("FOREIGN_NATIONAL")) {
      return "FOREIGN_NATIONAL";
    }
    return citizenships.contains("US_CITIZEN_OR_RESIDENT") ? "US_CITIZEN_OR_RESIDENT" : "UNKNOWN";
  }

  /** Sex, labour, both (over all the person's cases), or other. */
  public String traffickingType() {
    boolean sex = caseTypes.contains("SEX_TRAFFICKING") || caseTypes.contains("SEX_AND_LABOR");
    boolean labor = caseTypes.contains("LABOR_TRAFFICKING") || caseTypes.contains("SEX_AND_LABOR");
    if (sex && labor) {
      return "SEX_AND_LABOR";
    }
    return sex ? "SEX_TRAFFICKING" : labor ? "LABOR_TRAFFICKING" : "OTHER";
  }
}
