package org.taskforce.cases.intake.application;

import java.util.Set;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TipStatus;

/**
 * A list of tips as an agency may see it.
 *
 * @param visibleTo the asking agency: only tips received by, assigned or referred to it
 */
public record TipQuery(
    String visibleTo, Set<TipStatus> statuses, Set<TipSource> sources, boolean urgentOnly) {
  public TipQuery {
    statuses = Set.copyOf(statuses);
    sources = Set.copyOf(sources);
  }
}
