package org.taskforce.cases.intake.application;

import java.util.Optional;
import org.taskforce.cases.application.CaseStore;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;
import org.taskforce.platform.security.Roles;

/**
 * Who may do what with tips. A tip is visible to the intake coordinators and investigators (people)
 * of the agencies it was received by, assigned to or referred to, and to nobody else — not a
 * task-force commander, not a partner system — who all get NOT_FOUND, as for a tip that does not
 * exist. Triage belongs to the receiving agency's intake coordinators and, once assigned, to the
 * assigned agency's investigators and coordinators; a referred-to agency reads. Only the receiving
 * agency's intake coordinators may reveal the reporter.
 */
public final class TipAccess {
  private TipAccess() {}

  /** People who may read tips at all (before any tip is looked at). */
  static boolean reader(AgencyPrincipal p) {
    return p.kind() == AgencyPrincipal.Kind.USER
        && p.hasAnyRole(Roles.INTAKE_COORDINATOR, Roles.INVESTIGATOR);
  }

  static boolean coordinator(AgencyPrincipal p) {
    return p.kind() == AgencyPrincipal.Kind.USER && p.hasRole(Roles.INTAKE_COORDINATOR);
  }

  /** The tip, if the caller may see it; NOT_FOUND otherwise. */
  static Tip visible(Tip tip, AgencyPrincipal p) {
    if (!reader(p) || !tip.agencies().contains(p.agencyId())) {
      throw TaskforceException.notFound("tip", tip.id());
    }
    return tip;
  }

  /** Screening, linking, converting, closing, merging. */
  static Tip triager(Tip tip, AgencyPrincipal p) {
    visible(tip, p);
    boolean receiving = coordinator(p) && p.belongsTo(tip.receivingAgencyId());
    boolean assigned =
        !tip.triage().assignedAgencyId().isEmpty() && p.belongsTo(tip.triage().assignedAgencyId());
    if (!receiving && !assigned) {
      throw TaskforceException.permissionDenied(
          "TRIAGE_NOT_PERMITTED",
          "tips are triaged by the receiving agency's intake coordinators and the assigned agency");
    }
    return tip;
  }

  /**
   * Converting into a new case: the caller's agency will lead the case and register its subjects
   * with deconfliction, which is an investigator's or commander's act as for any case. An intake
   * coordinator without those rights links the tip to a case their agency is on, or assigns it to
   * an investigator who converts it.
   */
  static void requireCaseRights(AgencyPrincipal p) {
    if (!p.hasAnyRole(Roles.INVESTIGATOR, Roles.COMMANDER)) {
      throw TaskforceException.permissionDenied(
          "CASE_RIGHTS_REQUIRED",
          "opening a case from a tip takes an investigator or commander of the agency that will"
              + " lead it; link the tip to a case your agency is on, or assign it to an"
              + " investigator");
    }
  }

  /**
   * The case a tip may be linked to: one the caller's agency investigates, as an ACTIVE LEAD or
   * SUPPORTING participant. A case the agency is not active on (not on it, only invited, declined,
   * removed) is NOT_FOUND exactly as a case that does not exist, so nobody learns from a refusal
   * that a case exists; an agency active in another role (prosecution, victim services) sees the
   * case anyway and is told why. A closed case is not being worked: linking to it is
   * FAILED_PRECONDITION (CASE_CLOSED), told only to those the case is visible to.
   */
  static JointCase linkableCase(CaseStore cases, AgencyPrincipal p, String caseId) {
    Optional<JointCase> found = cases.get(caseId);
    Optional<ParticipantRole> role = found.flatMap(c -> c.activeRole(p.agencyId()));
    if (role.isEmpty()) {
      throw TaskforceException.notFound("case", caseId);
    }
    if (role.get() != ParticipantRole.LEAD && role.get() != ParticipantRole.SUPPORTING) {
      throw TaskforceException.permissionDenied(
          "PARTICIPANT_ROLE_NOT_PERMITTED",
          "a tip is linked to a case by an agency that investigates it (LEAD or SUPPORTING); a "
              + role.get()
              + " participant may not");
    }
    if (found.get().status() == CaseStatus.CLOSED) {
      throw TaskforceException.failedPrecondition(
          "CASE_CLOSED",
          "case "
              + found.get().number()
              + " is closed and no longer worked; link the tip to a case still being worked, or"
              + " convert it into a new case");
    }
    return found.get();
  }

  /** Assigning and referring: the receiving agency's intake coordinators. */
  static Tip dispatcher(Tip tip, AgencyPrincipal p) {
    visible(tip, p);
    if (!coordinator(p) || !p.belongsTo(tip.receivingAgencyId())) {
      throw TaskforceException.permissionDenied(
          "INTAKE_COORDINATOR_REQUIRED",
          "the receiving agency's intake coordinators assign and refer tips");
    }
    return tip;
  }

  /** Entering a tip: people who take reports, and partner systems. */
  static void requireCreator(AgencyPrincipal p) {
    boolean person =
        p.kind() == AgencyPrincipal.Kind.USER
            && p.hasAnyRole(
                Roles.INTAKE_COORDINATOR,
                Roles.INVESTIGATOR,
                Roles.COMMANDER,
                Roles.VICTIM_ADVOCATE);
    if (!person && !p.isPartnerSystem()) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED",
          "tips are entered by intake coordinators, investigators, commanders, victim advocates"
              + " and partner systems");
    }
  }

  /** Bulk imports: intake coordinators and partner systems. */
  static void requireImporter(AgencyPrincipal p) {
    if (!coordinator(p) && !p.isPartnerSystem()) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "CyberTipline reports are imported by intake coordinators");
    }
  }

  /** Lists, exports: coordinators; lists also investigators. */
  static void requireReader(AgencyPrincipal p) {
    if (!reader(p)) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "tips are read by intake coordinators and investigators");
    }
  }

  static void requireCoordinator(AgencyPrincipal p) {
    if (!coordinator(p)) {
      throw TaskforceException.permissionDenied(
          "INTAKE_COORDINATOR_REQUIRED", "this needs the intake-coordinator role");
    }
  }

  /** A tip goes to a law-enforcement agency: deconfliction checks are made in its name. */
  static boolean canReceive(AgencyType type) {
    return type != AgencyType.SERVICE_PROVIDER;
  }
}
