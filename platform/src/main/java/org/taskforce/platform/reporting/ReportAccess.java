package org.taskforce.platform.reporting;

import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * Who reads which report. People only (no client systems): task-force commanders and grant managers
 * of the task force's lead agency read the task force's report; an agency's commander reads its
 * agency's share; everyone else is PERMISSION_DENIED. The scope follows from the roles, never from
 * a request field, so one person never holds two overlapping reports whose difference would undo
 * small-count suppression.
 */
public final class ReportAccess {
  private ReportAccess() {}

  /** Whose records a caller's report counts: the task force, or one agency. */
  public record Scope(boolean taskForce, String agencyId) {
    public String describe() {
      return taskForce ? "task force" : "agency " + agencyId;
    }

    /** The agency whose share is counted; null for the whole task force. */
    public String share() {
      return taskForce ? null : agencyId;
    }
  }

  public static Scope scopeOf(AgencyPrincipal caller, String leadAgency) {
    if (caller.kind() == AgencyPrincipal.Kind.USER) {
      if (caller.hasRole(Roles.TASKFORCE_COMMANDER)
          || (caller.hasRole(Roles.GRANT_MANAGER) && caller.belongsTo(leadAgency))) {
        return new Scope(true, null);
      }
      if (caller.hasRole(Roles.COMMANDER)) {
        return new Scope(false, caller.agencyId());
      }
    }
    throw TaskforceException.permissionDenied(
        "REPORT_NOT_PERMITTED",
        "reports are for task-force commanders, the lead agency's grant managers and agency"
            + " commanders");
  }
}
