package org.taskforce.cases.application;

import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/** The lead moves a case along: OPEN → ACTIVE → REFERRED_FOR_PROSECUTION → CLOSED. */
public final class ChangeCaseStatus {
  /** The status to move to and why; it checks itself before the case is loaded. */
  public record Command(String caseId, CaseStatus target, String reason, long expectedVersion) {
    void check(Violations violations) {
      violations.check(
          target != null, "status", "is required: ACTIVE, REFERRED_FOR_PROSECUTION or CLOSED");
      CaseRules.checkText(violations, "reason", reason);
    }
  }

  private final CaseWrites writes;

  public ChangeCaseStatus(CaseWrites writes) {
    this.writes = writes;
  }

  public JointCase change(AgencyPrincipal caller, Command command) {
    String caseId = command.caseId();
    CaseStatus target = command.target();
    long expectedVersion = command.expectedVersion();
    return writes.audit.guarded(
        caller,
        caseId,
        "CASE_STATUS_CHANGED",
        () -> {
          Violations violations = new Violations();
          command.check(violations);
          violations.throwIfAny();
          JointCase jointCase = writes.administered(caller, caseId, expectedVersion);
          if (!jointCase.status().canMoveTo(target)) {
            throw TaskforceException.failedPrecondition(
                "INVALID_STATUS_TRANSITION",
                "a "
                    + jointCase.status()
                    + " case can move to "
                    + jointCase.status().next()
                    + ", not "
                    + target);
          }
          return writes.record(
              caller,
              jointCase.withStatus(target, writes.stamp(caller)),
              expectedVersion,
              "CASE_STATUS_CHANGED",
              CaseAudit.resource(caseId),
              "status " + jointCase.status() + " → " + target,
              command.reason(),
              next ->
                  writes.notices.caseUpdated(
                      next,
                      caller.agencyId(),
                      "status-changed",
                      "Case " + next.number() + " is now " + target,
                      writes.agencyName(caller.agencyId())
                          + " moved the case from "
                          + jointCase.status()
                          + " to "
                          + target
                          + "."));
        });
  }
}
