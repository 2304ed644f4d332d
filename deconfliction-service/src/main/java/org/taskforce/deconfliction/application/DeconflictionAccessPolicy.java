package org.taskforce.deconfliction.application;

import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;
import org.taskforce.platform.security.Roles;

/**
 * Who may do what in deconfliction. Investigators, commanders and partner systems act for their
 * agency; watch officers broker for the whole task force; victim-service providers and victim
 * advocates see none of it.
 */
public final class DeconflictionAccessPolicy {
  private DeconflictionAccessPolicy() {}

  /** Registering and checking: an acting role of a law-enforcement agency. */
  public static void requireActing(AgencyPrincipal p) {
    requireLawEnforcement(p);
    if (!p.hasAnyRole(
        Roles.INVESTIGATOR, Roles.COMMANDER, Roles.WATCH_OFFICER, Roles.PARTNER_SYSTEM)) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED",
          "deconfliction needs the investigator, commander, watch-officer or partner-system role");
    }
  }

  public static void requirePartnerSystem(AgencyPrincipal p) {
    if (!p.isPartnerSystem()) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "the partner API is for partner-system clients");
    }
  }

  private static void requireLawEnforcement(AgencyPrincipal p) {
    if (p.agencyType() == AgencyType.SERVICE_PROVIDER
        || p.hasRole(Roles.VICTIM_ADVOCATE)
            && !p.hasAnyRole(Roles.INVESTIGATOR, Roles.COMMANDER, Roles.WATCH_OFFICER)) {
      throw TaskforceException.permissionDenied(
          "AGENCY_NOT_PERMITTED", "victim-service providers do not take part in deconfliction");
    }
  }

  public static Agency agency(AgencyPrincipal p, String displayName) {
    return new Agency(p.agencyId(), displayName, p.agencyType().name());
  }

  public static Stamp stamp(AgencyPrincipal p, java.time.Instant now) {
    return new Stamp(p.subject(), p.displayName(), p.agencyId(), now);
  }
}
