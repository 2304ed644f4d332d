package org.taskforce.cases.intake.application;

import java.util.Optional;
import org.taskforce.cases.intake.domain.Reporter;

/**
 * The sealed reporter identities, kept apart from the tips and encrypted with a key that is not in
 * the database. Only {@link ReporterReveal} opens them.
 */
public interface ReporterVault {
  /** Seals the reporter of a tip; sealing again for the same tip keeps the first. */
  void seal(String tipId, Reporter reporter);

  Optional<Reporter> open(String tipId);
}
