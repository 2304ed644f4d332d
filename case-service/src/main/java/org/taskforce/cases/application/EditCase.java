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
    void check(Violations v) {
      changes.check(v, "case.", false);
    }
  }

  /** A retention review: the next review date (checked against today) and a note. */
  public record ReviewCommand(
      String caseId, LocalDate nextReview, String note, long expectedVersion) {
    void check(Violations v) {
      CaseRules.checkText(v, "note", note);
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
          JointCase c = writes.administered(caller, caseId, expectedVersion);
          CaseRules.requireNotClosed(c);
          Violations v = new Violations();
          command.check(v);
          writes.checkReviewDate(v, "case.review_date", changes.reviewDate(), false);
          v.throwIfAny();
          JointCase next =
              c.withDetails(
                  changes.title() != null ? changes.title().strip() : c.title(),
                  changes.type() != null ? changes.type() : c.type(),
                  changes.jurisdictions() != null
                      ? CaseDetails.cleanJurisdictions(changes.jurisdictions())
                      : c.jurisdictions(),
                  changes.summary() != null ? changes.summary().strip() : c.summary(),
                  changes.reviewDate() != null ? changes.reviewDate() : c.reviewDate(),
                  changes.industries() != null
                      ? CaseDetails.cleanIndustries(changes.industries())
                      : c.industries(),
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
          Violations v = new Violations();
          writes.checkReviewDate(v, "next_review_date", nextReview, true);
          command.check(v);
          v.throwIfAny();
          JointCase c = writes.administered(caller, caseId, expectedVersion);
          return writes.record(
              caller,
              c.withDetails(
                  c.title(),
                  c.type(),
                  c.jurisdictions(),
                  c.summary(),
                  nextReview,
                  c.industries(),
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
