package org.taskforce.cases.application;

import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * Who may open the victim compartment: victim advocates (people, not client systems) of the case's
 * victim-service provider.
 */
final class VictimCompartment {
  private VictimCompartment() {}

  /** The case, when the caller is such an advocate on it; PERMISSION_DENIED otherwise. */
  static JointCase advocate(CaseStore cases, AgencyPrincipal caller, String caseId) {
    CaseView view = CaseView.load(cases, caller, caseId);
    boolean advocate =
        caller.kind() == AgencyPrincipal.Kind.USER
            && caller.hasRole(Roles.VICTIM_ADVOCATE)
            && view.role().filter(r -> r == ParticipantRole.VICTIM_SERVICES).isPresent();
    if (!advocate) {
      throw TaskforceException.permissionDenied(
          "VICTIM_COMPARTMENT",
          "victim records are for victim advocates of the case's victim-service provider;"
              + " GetVictimSummary gives counts");
    }
    return view.c();
  }
}
