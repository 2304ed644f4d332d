package org.taskforce.cases.intake.application;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskforce.cases.intake.domain.ConversionClaim;
import org.taskforce.cases.intake.domain.Tip;

/**
 * Finishes conversions left CONVERTING (the service stopped between the claim and the mark, and
 * nobody retried): each is finished exactly as its request would have finished it, in the
 * converter's name, into the case the claim names. Only claims older than {@code settleAfter} are
 * taken, so a conversion still running is left to its request; if both finish at once, every write
 * is keyed and the mark is conditional, so nothing is written twice.
 */
public final class ConversionSweep {
  static final int BATCH = 100;
  private static final Logger log = LoggerFactory.getLogger(ConversionSweep.class);

  private final TipWrites writes;
  private final ConversionSteps steps;
  private final TipAudit audit;
  private final ActingAs actingAs;
  private final Duration settleAfter;

  public ConversionSweep(
      TipWrites writes,
      ConversionSteps steps,
      TipAudit audit,
      ActingAs actingAs,
      Duration settleAfter) {
    this.writes = writes;
    this.steps = steps;
    this.audit = audit;
    this.actingAs = actingAs;
    this.settleAfter = settleAfter;
  }

  /** Finishes what is stuck; returns how many conversions it finished. */
  public int sweepOnce() {
    int finished = 0;
    for (Tip t : writes.store().converting(writes.clock().instant().minus(settleAfter), BATCH)) {
      ConversionClaim claim = t.triage().claim();
      try {
        actingAs.run(
            claim.converter(),
            "tip-conversion:" + t.id(),
            () -> {
              TipConversion.Converted done = steps.finish(t, claim.converter());
              audit.success(
                  claim.converter(),
                  t.id(),
                  "TIP_CONVERTED",
                  TipConversion.summary(done) + " (finished by the conversion sweep)",
                  "finishing a conversion stopped part way");
            });
        finished++;
      } catch (RuntimeException e) {
        // Left CONVERTING: the next sweep tries again (and the log says why it could not).
        log.warn("conversion of tip {} could not be finished; next sweep retries", t.id(), e);
      }
    }
    return finished;
  }
}
