package org.taskforce.cases.intake.application;

import org.taskforce.cases.intake.domain.CloseReason;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/** Merging two tips received by the same agency (see {@link #merge}). */
public final class TipMerge {
  private final TipWrites writes;
  private final TipAudit audit;

  public TipMerge(TipWrites writes, TipAudit audit) {
    this.writes = writes;
    this.audit = audit;
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
          Tip t = TipAccess.triager(writes.load(tipId), caller);
          Tip other = TipAccess.triager(writes.load(otherId), caller);
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
            writes.pass("tips.merging");
            Tip closed =
                other.close(
                    CloseReason.DUPLICATE, "merged into " + tipId, tipId, writes.stamp(caller));
            if (!writes.store().replace(closed, other.version())) {
              throw TaskforceException.staleEtag("tip", otherId);
            }
            audit.success(caller, otherId, "TIP_CLOSED", "closed: merged into " + tipId);
            writes.pass("tips.merge.closed");
          }
          Tip next = writes.write(t, version, x -> x.absorb(other, writes.stamp(caller)));
          audit.success(caller, tipId, "TIPS_MERGED", "merged tip " + otherId + " into it");
          return next;
        });
  }
}
