package org.taskforce.cases.application;

import java.util.Set;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;

/**
 * What ListCases asks for.
 *
 * @param visibleTo only cases this agency is invited to or active on; null for a commander, who
 *     sees every case of the task force
 * @param agencyId only cases this agency participates in (invited or active); null for any
 * @param titleContains case-insensitive text in the title; null for any
 */
public record CaseQuery(
    String visibleTo,
    Set<CaseStatus> statuses,
    Set<CaseType> types,
    String agencyId,
    String titleContains) {
  public CaseQuery {
    statuses = Set.copyOf(statuses);
    types = Set.copyOf(types);
  }
}
