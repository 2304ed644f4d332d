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
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;

/** Moves LEAD to an active participant in one write: never zero or two leads. */
public final class HandOffLead {
  /** The new lead, the role the old lead keeps, and why; it checks itself before the case loads. */
  public record Command(
      String caseId,
      String newLead,
      ParticipantRole previousLeadRole,
      String reason,
      long expectedVersion) {
    void check(Violations violations) {
      violations.requireText("new_lead_agency_id", newLead);
      Ids.checkLength(violations, "new_lead_agency_id", newLead);
      if (previousLeadRole == null || previousLeadRole == ParticipantRole.LEAD) {
        violations.add("previous_lead_role", "is required: SUPPORTING or PROSECUTION");
      } else if (previousLeadRole == ParticipantRole.VICTIM_SERVICES) {
        violations.add("previous_lead_role", "VICTIM_SERVICES is for victim-service providers");
      }
      CaseRules.checkText(violations, "reason", reason);
    }
  }

  private final CaseWrites writes;

  public HandOffLead(CaseWrites writes) {
    this.writes = writes;
  }

  public JointCase handOff(AgencyPrincipal caller, Command command) {
    String caseId = command.caseId();
    String newLead = command.newLead();
    ParticipantRole previousLeadRole = command.previousLeadRole();
    long expectedVersion = command.expectedVersion();
    return writes.audit.guarded(
        caller,
        caseId,
        "LEAD_HANDED_OFF",
        () -> {
          Violations violations = new Violations();
          command.check(violations);
          violations.throwIfAny();
          JointCase jointCase = writes.administered(caller, caseId, expectedVersion);
          CaseRules.requireNotClosed(jointCase);
          Participant oldLead = jointCase.lead();
          Participant incoming =
              jointCase
                  .participant(newLead)
                  .filter(Participant::isActive)
                  .orElseThrow(() ->
                      TaskforceException.failedPrecondition(
                          "NEW_LEAD_NOT_ACTIVE",
                          newLead + " must be an active participant to take the lead"));
          if (incoming.agencyId().equals(oldLead.agencyId())) {
            throw TaskforceException.failedPrecondition(
                "ALREADY_LEAD", newLead + " already leads this case");
          }
          if (AgencyType.SERVICE_PROVIDER.name().equals(incoming.agencyType())) {
            throw TaskforceException.failedPrecondition(
                "LEAD_MUST_INVESTIGATE", "a victim-service provider cannot lead a case");
          }
          Stamp now = writes.stamp(caller);
          List<Participant> list = new ArrayList<>();
          for (Participant participant : jointCase.participants()) {
            if (participant.agencyId().equals(oldLead.agencyId())) {
              list.add(participant.with(previousLeadRole, ParticipantStatus.ACTIVE, now));
            } else if (participant.agencyId().equals(newLead)) {
              list.add(participant.with(ParticipantRole.LEAD, ParticipantStatus.ACTIVE, now));
            } else {
              list.add(participant);
            }
          }
          return writes.record(
              caller,
              jointCase.withParticipants(list, now),
              expectedVersion,
              "LEAD_HANDED_OFF",
              CaseAudit.resource(caseId) + "/participants/" + newLead,
              "lead "
                  + oldLead.agencyId()
                  + " → "
                  + newLead
                  + "; "
                  + oldLead.agencyId()
                  + " is now "
                  + previousLeadRole,
              command.reason(),
              next ->
                  writes.notices.caseUpdated(
                      next,
                      caller.agencyId(),
                      "lead-changed",
                      "New lead on case " + next.number(),
                      incoming.agencyName()
                          + " now leads the case; "
                          + oldLead.agencyName()
                          + " stays as "
                          + previousLeadRole
                          + "."));
        });
  }
}
