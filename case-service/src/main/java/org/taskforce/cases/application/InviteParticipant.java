package org.taskforce.cases.application;

import java.util.List;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;

/** The lead invites an agency of the task force onto a case, in a role that fits the agency. */
public final class InviteParticipant {
  /** Whom to invite and as what; the agency is looked up in the task force's directory. */
  public record Command(
      String caseId, String agencyId, ParticipantRole role, long expectedVersion) {}

  private final CaseWrites writes;

  public InviteParticipant(CaseWrites writes) {
    this.writes = writes;
  }

  public JointCase invite(AgencyPrincipal caller, Command command) {
    String caseId = command.caseId();
    String agencyId = command.agencyId();
    ParticipantRole role = command.role();
    long expectedVersion = command.expectedVersion();
    return writes.audit.guarded(
        caller,
        caseId,
        "PARTICIPANT_INVITED",
        () -> {
          Violations violations = new Violations();
          var agency =
              agencyId == null || agencyId.isBlank() || agencyId.length() > Ids.MAX_LENGTH
                  ? null
                  : writes.agencies.find(agencyId);
          if (agency == null) {
            violations.add(
                "agency.agency_id",
                agencyId == null || agencyId.isBlank()
                    ? "is required"
                    : "must be at most " + Ids.MAX_LENGTH + " characters");
          } else if (agency.isEmpty()) {
            violations.add(
                "agency.agency_id", "'" + agencyId + "' is not an agency of this task force");
          }
          if (role == null) {
            violations.add("role", "is required: SUPPORTING, PROSECUTION or VICTIM_SERVICES");
          } else if (role == ParticipantRole.LEAD) {
            violations.add("role", "LEAD changes only through HandOffLead");
          } else if (agency != null && agency.isPresent()) {
            boolean provider = agency.get().type() == AgencyType.SERVICE_PROVIDER;
            if (provider != (role == ParticipantRole.VICTIM_SERVICES)) {
              violations.add(
                  "role",
                  provider
                      ? "a victim-service provider joins as VICTIM_SERVICES"
                      : "VICTIM_SERVICES is for victim-service providers");
            }
          }
          violations.throwIfAny();
          JointCase jointCase = writes.administered(caller, caseId, expectedVersion);
          CaseRules.requireNotClosed(jointCase);
          var existing = jointCase.participant(agencyId);
          if (existing.isPresent() && existing.get().status().knowsCase()) {
            throw new TaskforceException(
                ErrorKind.ALREADY_EXISTS,
                "ALREADY_PARTICIPANT",
                agencyId + " is already " + existing.get().status() + " on this case");
          }
          Stamp now = writes.stamp(caller);
          Participant invited =
              new Participant(
                  agencyId,
                  agency.get().displayName(),
                  agency.get().type().name(),
                  role,
                  ParticipantStatus.INVITED,
                  Contact.NONE,
                  now,
                  null);
          return writes.record(
              caller,
              jointCase.withParticipant(invited, now),
              expectedVersion,
              "PARTICIPANT_INVITED",
              CaseAudit.resource(caseId) + "/participants/" + agencyId,
              agencyId + " invited as " + role,
              "",
              next ->
                  List.of(
                      writes.notices.caseShared(
                          next, agencyId, role.name(), writes.agencyName(caller.agencyId()))));
        });
  }
}
