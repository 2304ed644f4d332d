package org.taskforce.cases.application;

import java.util.Arrays;
import java.util.Optional;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * A case as one caller may see it, and what that caller may do with it. Who sees a case at all is
 * decided by {@link #load}: its invited and active agencies, and people with the realm role {@value
 * Roles#TASKFORCE_COMMANDER} (read only). An agency's {@code commander} is an ordinary member of
 * its agency here: it sees only cases its agency is on. Everyone else gets NOT_FOUND, so nobody
 * learns that a case exists from being refused.
 *
 * <p>What an agency may do follows its role on the case, never its type: local, state, tribal and
 * federal agencies are peers.
 *
 * <ul>
 *   <li>administer (edit, status, review, invite, remove, hand off the lead): LEAD, by its
 *       investigators and commanders;
 *   <li>subjects: LEAD and SUPPORTING, by investigators, commanders and partner systems;
 *   <li>tasks: LEAD, SUPPORTING and PROSECUTION create; the assignee agency moves its task along;
 *   <li>notes and reading: every ACTIVE participant, and partner systems acting for one;
 *   <li>victims: victim advocates of an ACTIVE VICTIM_SERVICES participant, nobody else.
 * </ul>
 */
public record CaseView(JointCase c, AgencyPrincipal caller, Optional<Participant> membership) {

  /** The case if the caller may know it exists; NOT_FOUND otherwise. */
  public static CaseView load(CaseStore store, AgencyPrincipal caller, String caseId) {
    JointCase c = store.get(caseId).orElseThrow(() -> TaskforceException.notFound("case", caseId));
    Optional<Participant> membership =
        c.participant(caller.agencyId()).filter(p -> p.status().knowsCase());
    if (membership.isEmpty() && !isTaskForceCommander(caller)) {
      throw TaskforceException.notFound("case", caseId);
    }
    return new CaseView(c, caller, membership);
  }

  /** The task-force commander (a person, not a client) reads every case. */
  public static boolean isTaskForceCommander(AgencyPrincipal caller) {
    return caller.kind() == AgencyPrincipal.Kind.USER && caller.hasRole(Roles.TASKFORCE_COMMANDER);
  }

  public boolean isActive() {
    return membership.map(Participant::isActive).orElse(false);
  }

  public boolean isInvited() {
    return membership.map(p -> p.status() == ParticipantStatus.INVITED).orElse(false);
  }

  public Optional<ParticipantRole> role() {
    return membership.filter(Participant::isActive).map(Participant::role);
  }

  /** Reading the case's contents: an active participant or the task-force commander. */
  public CaseView requireRead() {
    if (isActive() || isTaskForceCommander(caller)) {
      return this;
    }
    throw notActive();
  }

  /** An active participant in one of {@code roles}, acting through one of {@code userRoles}. */
  public CaseView require(ParticipantRole[] roles, String... userRoles) {
    if (!isActive()) {
      throw notActive();
    }
    ParticipantRole role = role().orElseThrow();
    if (!Arrays.asList(roles).contains(role)) {
      throw TaskforceException.permissionDenied(
          "PARTICIPANT_ROLE_NOT_PERMITTED",
          "a " + role + " participant may not do this; it needs " + Arrays.toString(roles));
    }
    requireUserRole(caller, userRoles);
    return this;
  }

  static void requireUserRole(AgencyPrincipal caller, String... userRoles) {
    if (!caller.hasAnyRole(userRoles)) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "this needs one of the roles " + String.join(", ", userRoles));
    }
  }

  private TaskforceException notActive() {
    if (isInvited()) {
      return TaskforceException.permissionDenied(
          "INVITATION_PENDING", "accept the invitation to the case first");
    }
    return TaskforceException.permissionDenied(
        "NOT_A_PARTICIPANT",
        "the task-force commander reads every case but changes only its agency's cases");
  }

  static final ParticipantRole[] LEAD = {ParticipantRole.LEAD};
  static final ParticipantRole[] INVESTIGATING = {ParticipantRole.LEAD, ParticipantRole.SUPPORTING};
  public static final ParticipantRole[] TASKING = {
    ParticipantRole.LEAD, ParticipantRole.SUPPORTING, ParticipantRole.PROSECUTION
  };
  static final ParticipantRole[] ANY = ParticipantRole.values();

  /** People who administer a case for the lead agency. */
  public static final String[] ADMINISTRATORS = {Roles.INVESTIGATOR, Roles.COMMANDER};

  /** People and systems acting in an investigation. */
  static final String[] ACTORS = {Roles.INVESTIGATOR, Roles.COMMANDER, Roles.PARTNER_SYSTEM};

  /** Anyone with a part on a case who writes notes. */
  static final String[] WRITERS = {
    Roles.INVESTIGATOR, Roles.COMMANDER, Roles.PARTNER_SYSTEM, Roles.VICTIM_ADVOCATE
  };
}
