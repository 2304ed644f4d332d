package org.taskforce.cases.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Every read and write of a case, and every attempt refused, goes into the audit trail under the
 * case's resource ({@code cases/<id>}), which is also the case's timeline. Details name the
 * sub-resource and carry a summary written here — never victim data — and, apart from it, the
 * reason or note the caller gave for a change ({@code reason}), so the timeline says why.
 */
public final class CaseAudit {
  static final String TARGET = "target";
  static final String SUMMARY = "summary";
  static final String REASON = "reason";
  private final AuditTrail trail;

  public CaseAudit(AuditTrail trail) {
    this.trail = trail;
  }

  public static String resource(String caseId) {
    return "cases/" + caseId;
  }

  /** A ListCases call: one entry for the list, naming how many cases it returned. */
  void listed(AgencyPrincipal caller, int count) {
    trail.record(
        caller,
        "CASES_LISTED",
        "cases",
        Outcome.SUCCESS,
        CallerContext.purpose(),
        Map.of(TARGET, "cases", SUMMARY, count + " cases listed"));
  }

  public void success(
      AgencyPrincipal caller, String caseId, String action, String target, String summary) {
    record(caller, caseId, action, target, summary, Outcome.SUCCESS, "");
  }

  /** A change the caller gave a reason or note for; an empty one is left out. */
  void success(
      AgencyPrincipal caller,
      String caseId,
      String action,
      String target,
      String summary,
      String reason) {
    record(caller, caseId, action, target, summary, Outcome.SUCCESS, reason);
  }

  /**
   * Runs {@code body}; a refusal is recorded as DENIED (authorisation, not found) or FAILED
   * (anything else) and rethrown. The body records its own success with what it learned.
   */
  public <T> T guarded(AgencyPrincipal caller, String caseId, String action, Supplier<T> body) {
    try {
      return body.get();
    } catch (TaskforceException e) {
      record(caller, caseId, action, resource(caseId), e.reason(), refusal(e), "");
      throw e;
    }
  }

  /** How a refused attempt is audited: DENIED by authorisation or not found, else FAILED. */
  public static Outcome refusal(TaskforceException e) {
    boolean denied = e.kind() == ErrorKind.PERMISSION_DENIED || e.kind() == ErrorKind.NOT_FOUND;
    return denied ? Outcome.DENIED : Outcome.FAILED;
  }

  private void record(
      AgencyPrincipal caller,
      String caseId,
      String action,
      String target,
      String summary,
      Outcome outcome,
      String reason) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put(TARGET, target);
    details.put(SUMMARY, summary);
    if (reason != null && !reason.isBlank()) {
      details.put(REASON, reason.strip());
    }
    trail.record(caller, action, resource(caseId), outcome, CallerContext.purpose(), details);
  }
}
