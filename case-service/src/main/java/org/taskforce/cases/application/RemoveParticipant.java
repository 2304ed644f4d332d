package org.taskforce.cases.application;

import java.util.ArrayList;
import java.util.List;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.security.AgencyPrincipal;

/** The lead removes an agency, or an agency leaves; the lead itself hands off first. */
public final class RemoveParticipant {
  /** Who goes and why; it checks itself before the case is loaded. */
  public record Command(String caseId, String agencyId, String reason, long expectedVersion) {
    void check(Violations violations) {
      CaseRules.checkText(violations, "reason", reason);
    }
  }

  private final CaseWrites writes;

  public RemoveParticipant(CaseWrites writes) {
    this.writes = writes;
  }

  public JointCase remove(AgencyPrincipal caller, Command command) {
    String caseId = command.caseId();
    String agencyId = command.agencyId();
    long expectedVersion = command.expectedVersion();
    return writes.audit.guarded(
        caller,
        caseId,
        "PARTICIPANT_REMOVED",
        () -> {
          Violations violations = new Violations();
          command.check(violations);
          violations.throwIfAny();
          CaseView view = CaseView.load(writes.store, caller, caseId);
          boolean leaving = caller.belongsTo(agencyId);
          if (leaving) {
            CaseView.requireUserRole(caller, CaseView.ADMINISTRATORS);
          } else {
            view.require(CaseView.LEAD, CaseView.ADMINISTRATORS);
          }
          JointCase jointCase = view.c();
          CaseRules.requireVersion(jointCase, expectedVersion);
          Participant participant =
              jointCase
                  .participant(agencyId)
                  .filter(x -> x.status().knowsCase())
                  .orElseThrow(() ->
                      TaskforceException.failedPrecondition(
                          "NOT_A_PARTICIPANT", agencyId + " is not on this case"));
          if (participant.isActive() && participant.role() == ParticipantRole.LEAD) {
            throw TaskforceException.failedPrecondition(
                "LEAD_CANNOT_LEAVE", "hand the lead to another agency before the lead leaves");
          }
          Stamp now = writes.stamp(caller);
          return writes.record(
              caller,
              jointCase.withParticipant(
                  participant.with(participant.role(), ParticipantStatus.REMOVED, now), now),
              expectedVersion,
              leaving ? "PARTICIPANT_LEFT" : "PARTICIPANT_REMOVED",
              CaseAudit.resource(caseId) + "/participants/" + agencyId,
              agencyId + (leaving ? " left the case" : " removed from the case"),
              command.reason(),
              next -> {
                List<Notice> told =
                    new ArrayList<>(
                        writes.notices.caseUpdated(
                            next,
                            caller.agencyId(),
                            "participant-left",
                            "Agency left case " + next.number(),
                            participant.agencyName()
                                + (leaving ? " left the case." : " was removed from the case.")));
                if (!leaving) {
                  told.add(
                      writes.notices.toAgency(
                          next,
                          agencyId,
                          "participant-removed",
                          "Your agency was removed from case " + next.number(),
                          writes.agencyName(caller.agencyId())
                              + " removed your agency from the case."));
                }
                return told;
              });
        });
  }
}
