package org.taskforce.cases.intake.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.taskforce.cases.application.AgencyDirectory;
import org.taskforce.cases.application.CaseStore;
import org.taskforce.cases.application.Cases;
import org.taskforce.cases.application.Seams;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.intake.domain.CloseReason;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Triage of a tip: assign, screen, link to a case, refer, close, merge. Converting into a case is
 * {@link TipConversion}. Every change takes the version the caller read; a stale one is ABORTED and
 * nothing is stored.
 */
public final class Triage {
  static final int MAX_NOTE = Cases.MAX_REASON_LENGTH;

  private final TipStore store;
  private final CaseStore cases;
  private final AgencyDirectory agencies;
  private final TipNotices notices;
  private final TipAudit audit;
  private final Seams seams;
  private final Clock clock;

  public Triage(
      TipStore store,
      CaseStore cases,
      AgencyDirectory agencies,
      TipNotices notices,
      TipAudit audit,
      Seams seams,
      Clock clock) {
    this.store = store;
    this.cases = cases;
    this.agencies = agencies;
    this.notices = notices;
    this.audit = audit;
    this.seams = seams;
    this.clock = clock;
  }

  public Tip assign(
      AgencyPrincipal caller, String tipId, String agencyId, String officer, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_ASSIGNED",
        () -> {
          Violations v = new Violations();
          IdChecks.checkLength(v, "agency_id", agencyId);
          v.requireText("officer", officer);
          NewTip.max(v, "officer", officer, 200);
          v.throwIfAny();
          Tip t = TipAccess.dispatcher(load(tipId), caller);
          String agency = agencyId == null || agencyId.isBlank() ? t.receivingAgencyId() : agencyId;
          requireAgency("agency_id", agency);
          Tip next = write(t, version, x -> x.assign(agency, officer.strip(), stamp(caller)));
          audit.success(caller, tipId, "TIP_ASSIGNED", "assigned to " + agency);
          return next;
        });
  }

  public Tip screen(AgencyPrincipal caller, String tipId, String note, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_SCREENED",
        () -> {
          bounded("note", note);
          Tip t = TipAccess.triager(load(tipId), caller);
          Tip next = write(t, version, x -> x.screen(strip(note), stamp(caller)));
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
          Tip t = TipAccess.triager(load(tipId), caller);
          t.requireOpen();
          String id = TipAccess.linkableCase(cases, caller, caseId).id();
          Tip next = write(t, version, x -> x.link(id, stamp(caller)));
          audit.success(caller, tipId, "TIP_LINKED", "linked to case " + id);
          return next;
        });
  }

  public Tip refer(
      AgencyPrincipal caller, String tipId, String agencyId, String reason, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_REFERRED",
        () -> {
          bounded("reason", reason);
          Violations v = new Violations();
          v.requireText("agency_id", agencyId);
          IdChecks.checkLength(v, "agency_id", agencyId);
          v.throwIfAny();
          Tip t = TipAccess.dispatcher(load(tipId), caller);
          requireAgency("agency_id", agencyId);
          if (agencyId.equals(t.receivingAgencyId())) {
            throw TaskforceException.invalidArgument("agency_id", "is the receiving agency itself");
          }
          if (sameReferral(t, agencyId, strip(reason), version)) {
            // A retry of a referral that was written (its answer lost, or the service stopped
            // before the notice was released): the same answer, and the notice goes out now.
            notices.referred(t);
            audit.success(caller, tipId, "TIP_REFERRED", "referred to " + agencyId + " (retry)");
            return t;
          }
          if (t.version() != version) {
            throw TaskforceException.staleEtag("tip", tipId);
          }
          Tip next = t.refer(agencyId, strip(reason), stamp(caller));
          if (!notices.referring(next, () -> store.replace(next, version))) {
            throw TaskforceException.staleEtag("tip", tipId);
          }
          audit.success(caller, tipId, "TIP_REFERRED", "referred to " + agencyId);
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
          Tip t = TipAccess.triager(load(tipId), caller);
          if (duplicate) {
            if (duplicateOf.equals(tipId)) {
              throw TaskforceException.invalidArgument("duplicate_of_tip_id", "is this tip");
            }
            TipAccess.visible(load(duplicateOf), caller);
          }
          Tip next =
              write(
                  t,
                  version,
                  x -> x.close(reason, strip(note), duplicate ? duplicateOf : "", stamp(caller)));
          audit.success(caller, tipId, "TIP_CLOSED", "closed: " + reason);
          return next;
        });
  }

  /**
   * Merges {@code otherId} into {@code tipId}: the other closes as its duplicate (a conditional
   * write: if someone triaged it meanwhile, ABORTED and nothing changed), then the tip gains its
   * persons, identifiers and indicators. A retry after a failure between the two writes finds the
   * other closed as this tip's duplicate and finishes the merge.
   */
  public Tip merge(AgencyPrincipal caller, String tipId, String otherId, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIPS_MERGED",
        () -> {
          if (otherId == null || otherId.isBlank() || otherId.equals(tipId)) {
            throw TaskforceException.invalidArgument("other_tip_id", "must name another tip");
          }
          Tip t = TipAccess.triager(load(tipId), caller);
          Tip other = TipAccess.triager(load(otherId), caller);
          if (!other.receivingAgencyId().equals(t.receivingAgencyId())) {
            // Merging would hand one receiving agency's persons and identifiers to the other.
            throw TaskforceException.invalidArgument(
                "other_tip_id", "must be a tip received by the same agency");
          }
          if (t.mergedTipIds().contains(otherId)) {
            return t;
          }
          boolean closedIntoThis =
              other.status() == TipStatus.CLOSED
                  && other.triage().closeReason() == CloseReason.DUPLICATE
                  && other.triage().duplicateOf().equals(tipId);
          if (!closedIntoThis) {
            other.requireOpen();
            // Checked before the other closes, so that a stale or closed tip leaves both as they
            // were.
            t.requireOpen();
            if (t.version() != version) {
              throw TaskforceException.staleEtag("tip", tipId);
            }
            seams.pass("tips.merging");
            Tip closed =
                other.close(CloseReason.DUPLICATE, "merged into " + tipId, tipId, stamp(caller));
            if (!store.replace(closed, other.version())) {
              throw TaskforceException.staleEtag("tip", otherId);
            }
            audit.success(caller, otherId, "TIP_CLOSED", "closed: merged into " + tipId);
            seams.pass("tips.merge.closed");
          }
          Tip next = write(t, version, x -> x.absorb(other, stamp(caller)));
          audit.success(caller, tipId, "TIPS_MERGED", "merged tip " + otherId + " into it");
          return next;
        });
  }

  /** Whether {@code t} is this referral, written over the version the caller read. */
  private static boolean sameReferral(Tip t, String agencyId, String reason, long version) {
    return t.version() == version + 1
        && t.status() == TipStatus.REFERRED
        && t.triage().referredAgencyId().equals(agencyId)
        && t.triage().note().equals(reason);
  }

  /** A point between two steps of a write (see {@link Seams}). */
  void pass(String seam) {
    seams.pass(seam);
  }

  Tip load(String tipId) {
    return store.get(tipId).orElseThrow(() -> TaskforceException.notFound("tip", tipId));
  }

  /** Applies a change at the version the caller read; ABORTED when someone changed it since. */
  Tip write(Tip t, long version, UnaryOperator<Tip> change) {
    if (t.version() != version) {
      throw TaskforceException.staleEtag("tip", t.id());
    }
    Tip next = change.apply(t);
    if (!store.replace(next, version)) {
      throw TaskforceException.staleEtag("tip", t.id());
    }
    return next;
  }

  private void requireAgency(String field, String agencyId) {
    if (agencies.find(agencyId).isEmpty()) {
      throw TaskforceException.invalidArgument(field, "is not an agency of the task force");
    }
  }

  private static void bounded(String field, String note) {
    Violations v = new Violations();
    NewTip.max(v, field, note, MAX_NOTE);
    v.throwIfAny();
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  Stamp stamp(AgencyPrincipal caller) {
    return new Stamp(
        caller.subject(),
        caller.displayName(),
        caller.agencyId(),
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }
}
