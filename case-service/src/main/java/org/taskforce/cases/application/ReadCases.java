package org.taskforce.cases.application;

import java.util.Set;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/** Reads one case, or lists the cases the caller may see. */
public final class ReadCases {
  /** Which cases to list; blank filters are no filters. */
  public record ListQuery(
      Set<CaseStatus> statuses,
      Set<CaseType> types,
      String agencyId,
      String titleContains,
      int pageSize,
      String pageToken) {
    void check(Violations violations) {
      violations.check(pageSize >= 0, "page_size", "must not be negative");
      violations.check(
          titleContains == null || titleContains.length() <= CaseRules.MAX_TITLE,
          "title_contains",
          "must be at most " + CaseRules.MAX_TITLE + " characters");
    }
  }

  private final CaseStore store;
  private final CaseAudit audit;

  public ReadCases(CaseStore store, CaseAudit audit) {
    this.store = store;
    this.audit = audit;
  }

  public JointCase get(AgencyPrincipal caller, String caseId) {
    return audit.guarded(
        caller,
        caseId,
        "CASE_READ",
        () -> {
          JointCase jointCase = CaseView.load(store, caller, caseId).c();
          audit.success(
              caller, caseId, "CASE_READ", CaseAudit.resource(caseId), jointCase.number());
          return jointCase;
        });
  }

  public Page<JointCase> list(AgencyPrincipal caller, ListQuery query) {
    Violations violations = new Violations();
    query.check(violations);
    violations.throwIfAny();
    CaseQuery filter =
        new CaseQuery(
            CaseView.isTaskForceCommander(caller) ? null : caller.agencyId(),
            query.statuses(),
            query.types(),
            blankToNull(query.agencyId()),
            blankToNull(query.titleContains()));
    Page<JointCase> page = store.list(filter, query.pageSize(), query.pageToken());
    audit.listed(caller, page.items().size());
    return page;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
