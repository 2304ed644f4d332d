package org.taskforce.cases.application;

import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/** An invited agency accepts (naming its point of contact) or declines. */
public final class AnswerInvitation {
  /** The answer; the contact, if any, checks itself once the invitation is found. */
  public record Command(String caseId, String agencyId, boolean accept, Contact contact) {
    void check(Violations violations) {
      CaseRules.checkContact(violations, "point_of_contact", contact);
    }
  }

  private final CaseWrites writes;

  public AnswerInvitation(CaseWrites writes) {
    this.writes = writes;
  }

  public JointCase answer(AgencyPrincipal caller, Command command) {
    String caseId = command.caseId();
    String agencyId = command.agencyId();
    boolean accept = command.accept();
    Contact contact = command.contact();
    return writes.audit.guarded(
        caller,
        caseId,
        accept ? "INVITATION_ACCEPTED" : "INVITATION_DECLINED",
        () -> {
          CaseView view = CaseView.load(writes.store, caller, caseId);
          if (!caller.belongsTo(agencyId)) {
            throw TaskforceException.permissionDenied(
                "NOT_YOUR_INVITATION", "only " + agencyId + " answers its invitation");
          }
          CaseView.requireUserRole(
              caller, Roles.INVESTIGATOR, Roles.COMMANDER, Roles.VICTIM_ADVOCATE);
          if (!view.isInvited()) {
            throw TaskforceException.failedPrecondition(
                "NO_PENDING_INVITATION", agencyId + " has no pending invitation to this case");
          }
          Violations violations = new Violations();
          command.check(violations);
          violations.throwIfAny();
          JointCase jointCase = view.c();
          Participant participant = jointCase.participant(agencyId).orElseThrow();
          Stamp now = writes.stamp(caller);
          Participant answered =
              participant
                  .with(
                      participant.role(),
                      accept ? ParticipantStatus.ACTIVE : ParticipantStatus.DECLINED,
                      now)
                  .withContact(
                      contact == null || contact.displayName().isBlank()
                          ? new Contact(caller.displayName(), "", "", "")
                          : contact);
          return writes.record(
              caller,
              jointCase.withParticipant(answered, now),
              jointCase.version(),
              accept ? "INVITATION_ACCEPTED" : "INVITATION_DECLINED",
              CaseAudit.resource(caseId) + "/participants/" + agencyId,
              agencyId + (accept ? " joined as " + participant.role() : " declined"),
              "",
              next ->
                  writes.notices.caseUpdated(
                      next,
                      agencyId,
                      accept ? "participant-joined" : "participant-declined",
                      (accept ? "Agency joined case " : "Invitation declined on case ")
                          + next.number(),
                      participant.agencyName()
                          + (accept
                              ? " joined the case as " + participant.role() + "."
                              : " declined.")));
        });
  }
}
