package org.taskforce.cases.application;

import java.util.Objects;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * A change to a subject's deconfliction registration that waits in the outbox until deconfliction
 * has it: what to do, to which subject, and the user it is done for (the registrant).
 *
 * @param registrationId the registration to withdraw when the subject is gone by delivery time;
 *     empty otherwise
 */
public record RegistrationChange(
    Op op, String subjectId, String caseNumber, String registrationId, AgencyPrincipal actor) {

  /** What the relay asks deconfliction to do. */
  public enum Op {
    REGISTER,
    WITHDRAW,
    RENEW
  }

  public RegistrationChange {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(actor, "actor");
    caseNumber = caseNumber == null ? "" : caseNumber;
    registrationId = registrationId == null ? "" : registrationId;
  }

  RegistrationChange(Op op, String subjectId, String caseNumber, AgencyPrincipal actor) {
    this(op, subjectId, caseNumber, "", actor);
  }
}
