package org.taskforce.cases.application;

import java.time.LocalDate;
import java.util.List;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;

/** Opens a case, led by the caller's agency; the same request id opens it once. */
public final class OpenCase {
  /** A case to open; its fields check themselves once the caller may open cases at all. */
  public record Command(CaseDetails details, String requestId) {
    void check(Violations violations) {
      details.check(violations, "case.", true);
    }
  }

  private final CaseWrites writes;

  public OpenCase(CaseWrites writes) {
    this.writes = writes;
  }

  /**
   * The id of the case a request opens for an agency: derived from a non-blank request id, so a
   * caller that must tell whether a case is the one its request made can compare ids.
   */
  public static String idFor(String agencyId, String requestId) {
    return Ids.of("c", requestId, agencyId);
  }

  /**
   * PERMISSION_DENIED unless {@code caller} may open (and so lead) a case: a person, investigator
   * or commander, of an agency that leads cases. Checked by {@link #open}, and by whoever must know
   * before a step that cannot be undone (a tip's conversion claim) that {@link #open} will not
   * refuse them.
   */
  public static void requireMayOpen(AgencyPrincipal caller) {
    if (caller.kind() != AgencyPrincipal.Kind.USER) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "cases are opened by people, not by client systems");
    }
    CaseView.requireUserRole(caller, CaseView.ADMINISTRATORS);
    if (caller.agencyType() == AgencyType.SERVICE_PROVIDER) {
      throw TaskforceException.permissionDenied(
          "AGENCY_NOT_PERMITTED",
          "victim-service providers join cases by invitation; they do not lead them");
    }
  }

  public JointCase open(AgencyPrincipal caller, Command command) {
    CaseDetails draft = command.details();
    requireMayOpen(caller);
    Violations violations = new Violations();
    command.check(violations);
    writes.checkReviewDate(violations, "case.review_date", draft.reviewDate(), false);
    violations.throwIfAny();
    CaseStore store = writes.store;
    CaseSettings settings = writes.settings;
    String id = idFor(caller.agencyId(), command.requestId());
    var existing = store.get(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    Stamp now = writes.stamp(caller);
    LocalDate today = writes.today();
    String number =
        "%s-%d-%04d"
            .formatted(
                settings.numberPrefix(),
                today.getYear(),
                store.nextNumber(settings.numberPrefix() + "-" + today.getYear()));
    Participant lead =
        new Participant(
            caller.agencyId(),
            writes.agencyName(caller.agencyId()),
            caller.agencyType().name(),
            ParticipantRole.LEAD,
            ParticipantStatus.ACTIVE,
            new Contact(caller.displayName(), "", "", ""),
            now,
            now);
    JointCase jointCase =
        new JointCase(
            id,
            number,
            draft.title().strip(),
            draft.type(),
            CaseStatus.OPEN,
            CaseDetails.cleanJurisdictions(draft.jurisdictions()),
            draft.summary() == null ? "" : draft.summary().strip(),
            List.of(lead),
            draft.reviewDate() != null ? draft.reviewDate() : today.plus(settings.defaultReview()),
            now,
            now,
            1,
            List.of(),
            CaseDetails.cleanIndustries(draft.industries()));
    if (!store.insertIfAbsent(jointCase)) {
      return store.get(id).orElseThrow();
    }
    writes.audit.success(
        caller, id, "CASE_CREATED", CaseAudit.resource(id), "opened case " + number);
    return jointCase;
  }
}
