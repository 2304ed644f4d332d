package org.taskforce.cases.intake.application;

import java.util.List;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipHit;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.faults.WriteSeams;

/** Checks queued while deconfliction did not answer, made once it answers again. */
public final class TipRecheck {
  private final TipStore store;
  private final TipDeconfliction deconfliction;
  private final WriteSeams seams;

  public TipRecheck(TipStore store, TipDeconfliction deconfliction, WriteSeams seams) {
    this.store = store;
    this.deconfliction = deconfliction;
    this.seams = seams;
  }

  /** A queued check, made once deconfliction answers again. */
  public void recheck(String tipId) {
    store
        .get(tipId)
        .filter(t -> !t.checked())
        .ifPresent(t -> {
          List<TipHit> hits = checkOrRefused(t);
          seams.reached("tip.rechecked");
          Tip next = t.withHits(hits, t.updated());
          if (!store.replace(next, t.version())) {
            // Triage wrote the tip meanwhile: fail, so the queue delivers the check again rather
            // than drop the hits the owners were already told of.
            throw new IllegalStateException("tip " + tipId + " changed during its check");
          }
        });
  }

  /** A queued check that deconfliction now refuses is done: nothing of it matched. */
  private List<TipHit> checkOrRefused(Tip t) {
    try {
      return deconfliction.check(t);
    } catch (TaskforceException refused) {
      return List.of();
    }
  }
}
