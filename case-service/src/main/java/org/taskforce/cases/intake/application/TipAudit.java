package org.taskforce.cases.intake.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.taskforce.cases.application.CaseAudit;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Every read and write of a tip, and every refused attempt, in the audit trail under {@code
 * tips/<id>}, with the purpose the caller stated. Summaries are written here and never carry the
 * reporter, the narrative or the persons.
 */
public final class TipAudit {
  private final AuditTrail trail;

  public TipAudit(AuditTrail trail) {
    this.trail = trail;
  }

  public static String resource(String tipId) {
    return "tips/" + tipId;
  }

  void success(AgencyPrincipal caller, String tipId, String action, String summary) {
    success(caller, tipId, action, summary, CallerContext.purpose());
  }

  void success(
      AgencyPrincipal caller, String tipId, String action, String summary, String purpose) {
    record(caller, resource(tipId), action, summary, Outcome.SUCCESS, purpose);
  }

  void listed(AgencyPrincipal caller, String what, int count) {
    record(caller, "tips", what, count + " tips", Outcome.SUCCESS, CallerContext.purpose());
  }

  /** Runs {@code body}; a refusal is recorded as {@link CaseAudit#refusal} says and rethrown. */
  <T> T guarded(AgencyPrincipal caller, String tipId, String action, Supplier<T> body) {
    try {
      return body.get();
    } catch (TaskforceException e) {
      record(
          caller,
          resource(tipId),
          action,
          e.reason(),
          CaseAudit.refusal(e),
          CallerContext.purpose());
      throw e;
    }
  }

  private void record(
      AgencyPrincipal caller,
      String resource,
      String action,
      String summary,
      Outcome outcome,
      String purpose) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("summary", summary);
    trail.record(caller, action, resource, outcome, purpose, details);
  }
}
