package org.taskforce.cases.intake.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What every change of a tip shares: loading it, writing it at the version the caller read (one
 * conditional write; a stale version is ABORTED and nothing is stored), stamping who and when, and
 * the seams between the steps of a multi-step write (see {@link WriteSeams}).
 */
public final class TipWrites {
  private final TipStore store;
  private final WriteSeams seams;
  private final Clock clock;

  public TipWrites(TipStore store, WriteSeams seams, Clock clock) {
    this.store = store;
    this.seams = seams;
    this.clock = clock;
  }

  TipStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }

  /** A point between two steps of a write. */
  void pass(String seam) {
    seams.reached(seam);
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

  Stamp stamp(AgencyPrincipal caller) {
    return new Stamp(
        caller.subject(),
        caller.displayName(),
        caller.agencyId(),
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }
}
