package org.taskforce.cases.intake.application;

import org.taskforce.cases.application.CaseRules;
import org.taskforce.cases.application.CaseStore;
import org.taskforce.cases.intake.domain.CloseReason;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Triage decisions on a tip: screen it, link it to a case, close it. Assigning and referring are
 * {@link TipDispatch}, merging {@link TipMerge}, converting into a case {@link TipConversion}.
 * Every change takes the version the caller read; a stale one is ABORTED and nothing is stored.
 */
public final class Triage {
  static final int MAX_NOTE = CaseRules.MAX_REASON_LENGTH;

  private final TipWrites writes;
  private final CaseStore cases;
  private final TipAudit audit;

  public Triage(TipWrites writes, CaseStore cases, TipAudit audit) {
    this.writes = writes;
    this.cases = cases;
    this.audit = audit;
  }

  public Tip screen(AgencyPrincipal caller, String tipId, String note, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_SCREENED",
        () -> {
          bounded("note", note);
          Tip t = TipAccess.triager(writes.load(tipId), caller);
          Tip next = writes.write(t, version, x -> x.screen(strip(note), writes.stamp(caller)));
          audit.success(caller, tipId, "TIP_SCREENED", "screened");
          return next;
        });
  }

  public Tip link(AgencyPrincipal caller, String tipId, String caseId, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_LINKED",
        () -> {
          Tip t = TipAccess.triager(writes.load(tipId), caller);
          t.requireOpen();
          String id = TipAccess.linkableCase(cases, caller, caseId).id();
          Tip next = writes.write(t, version, x -> x.link(id, writes.stamp(caller)));
          audit.success(caller, tipId, "TIP_LINKED", "linked to case " + id);
          return next;
        });
  }

  public Tip close(
      AgencyPrincipal caller,
      String tipId,
      CloseReason reason,
      String note,
      String duplicateOf,
      long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_CLOSED",
        () -> {
          Violations v = new Violations();
          v.check(
              reason != null,
              "reason",
              "is required: NO_INDICATORS, INSUFFICIENT_INFORMATION, DUPLICATE or OUT_OF_JURISDICTION");
          boolean duplicate = reason == CloseReason.DUPLICATE;
          boolean named = duplicateOf != null && !duplicateOf.isBlank();
          v.check(!duplicate || named, "duplicate_of_tip_id", "is required for a duplicate");
          v.check(duplicate || !named, "duplicate_of_tip_id", "is only for CLOSE_REASON_DUPLICATE");
          IdChecks.checkLength(v, "duplicate_of_tip_id", duplicateOf);
          NewTip.max(v, "note", note, MAX_NOTE);
          v.throwIfAny();
          Tip t = TipAccess.triager(writes.load(tipId), caller);
          if (duplicate) {
            if (duplicateOf.equals(tipId)) {
              throw TaskforceException.invalidArgument("duplicate_of_tip_id", "is this tip");
            }
            TipAccess.visible(writes.load(duplicateOf), caller);
          }
          Tip next =
              writes.write(
                  t,
                  version,
                  x ->
                      x.close(
                          reason, strip(note), duplicate ? duplicateOf : "", writes.stamp(caller)));
          audit.success(caller, tipId, "TIP_CLOSED", "closed: " + reason);
          return next;
        });
  }

  static void bounded(String field, String note) {
    Violations v = new Violations();
    NewTip.max(v, field, note, MAX_NOTE);
    v.throwIfAny();
  }

  static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
