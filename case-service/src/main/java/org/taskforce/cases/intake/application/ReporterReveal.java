package org.taskforce.cases.intake.application;

import java.util.Optional;
import org.taskforce.cases.intake.domain.Reporter;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The one way to the sealed reporter: an intake coordinator (a person) of the receiving agency,
 * with a stated purpose, every reveal and every refused attempt audited. Investigators, assigned
 * and referred-to agencies and the task-force commander never see the reporter.
 */
public final class ReporterReveal {
  static final int MAX_PURPOSE = 500;

  private final TipStore store;
  private final ReporterVault vault;
  private final TipAudit audit;

  public ReporterReveal(TipStore store, ReporterVault vault, TipAudit audit) {
    this.store = store;
    this.vault = vault;
    this.audit = audit;
  }

  /** The reporter, or empty for an anonymous tip. */
  public Optional<Reporter> reveal(AgencyPrincipal caller, String tipId, String purpose) {
    return audit.guarded(
        caller,
        tipId,
        "REPORTER_REVEALED",
        () -> {
          Violations v = new Violations();
          v.requireText("purpose", purpose);
          NewTip.max(v, "purpose", purpose, MAX_PURPOSE);
          v.throwIfAny();
          Tip t =
              TipAccess.visible(
                  store.get(tipId).orElseThrow(() -> TaskforceException.notFound("tip", tipId)),
                  caller);
          if (!TipAccess.coordinator(caller) || !caller.belongsTo(t.receivingAgencyId())) {
            throw TaskforceException.permissionDenied(
                "REPORTER_SEALED",
                "only the receiving agency's intake coordinators may reveal the reporter");
          }
          Optional<Reporter> reporter = t.anonymous() ? Optional.empty() : vault.open(tipId);
          audit.success(
              caller,
              tipId,
              "REPORTER_REVEALED",
              reporter.isPresent() ? "reporter revealed" : "anonymous tip: nothing to reveal",
              purpose.strip());
          return reporter;
        });
  }
}
