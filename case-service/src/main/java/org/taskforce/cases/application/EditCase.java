package org.taskforce.cases.application;

import java.time.LocalDate;
import java.util.List;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/** The lead edits a case's details, or records its retention review. */
public final class EditCase {
  /** An edit of the details the update mask named (the others are null); checked once loaded. */
  public record UpdateCommand(String caseId, long expectedVersion, CaseDetails changes) {
    void check(Violations violations) {
      changes.check(violations, "case.", false);
    }
  }

  /** A retention review: the next review date (checked against today) and a note. */
  public record ReviewCommand(
      String caseId, LocalDate nextReview, String note, long expectedVersion) {
    void check(Violations violations) {
      CaseRules.checkText(violations, "note", note);
    }
  }

  private final CaseWrites writes;

  public EditCase(CaseWrites writes) {
    this.writes = writes;
  }

  public JointCase update(AgencyPrincipal caller, UpdateCommand command) {
    String caseId = command.caseId();
    long expectedVersion = command.expectedVersion();
    CaseDetails changes = command.changes();
    return writes.audit.guarded(
        caller,
        caseId,
        "CASE_UPDATED",
        () -> {
          JointCase jointCase = writes.administered(caller, caseId, expectedVersion);
          CaseRules.requireNotClosed(jointCase);
          Violations violations = new Violations();
          command.check(violations);
          writes.checkReviewDate(violations, "case.review_date", changes.reviewDate(), false);
          violations.throwIfAny();
          JointCase next =
              jointCase.withDetails(
                  changes.title() != null ? changes.title().strip() : jointCase.title(),
                  changes.type() != null ? changes.type() : jointCase.type(),
                  changes.jurisdictions() != null
                      ? CaseDetails.cleanJurisdictions(changes.jurisdictions())
                      : jointCase.jurisdictions(),
                  changes.summary() != null ? changes.summary().strip() : jointCase.summary(),
                  changes.reviewDate() != null ? changes.reviewDate() : jointCase.reviewDate(),
                  changes.industries() != null
                      ? CaseDetails.cleanIndustries(changes.industries())
                      : jointCase.industries(),
                  writes.stamp(caller));
          writes.save(next, expectedVersion);
          writes.audit.success(
              caller, caseId, "CASE_UPDATED", CaseAudit.resource(caseId), "case details edited");
          return next;
        });
  }

  public JointCase review(AgencyPrincipal caller, ReviewCommand command) {
    String caseId = command.caseId();
    LocalDate nextReview = command.nextReview();
    long expectedVersion = command.expectedVersion();
    return writes.audit.guarded(
        caller,
        caseId,
        "CASE_REVIEWED",
        () -> {
          Violations violations = new Violations();
          writes.checkReviewDate(violations, "next_review_date", nextReview, true);
          command.check(violations);
          violations.throwIfAny();
          JointCase jointCase = writes.administered(caller, caseId, expectedVersion);
          return writes.record(
              caller,
              jointCase.withDetails(
                  jointCase.title(),
                  jointCase.type(),
                  jointCase.jurisdictions(),
                  jointCase.summary(),
                  nextReview,
                  jointCase.industries(),
                  writes.stamp(caller)),
              expectedVersion,
              "CASE_REVIEWED",
              CaseAudit.resource(caseId),
              "retention review recorded; next review " + nextReview,
              command.note(),
              next -> List.of());
        });
  }
}
