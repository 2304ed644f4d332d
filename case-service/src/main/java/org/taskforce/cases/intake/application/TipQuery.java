package org.taskforce.cases.intake.application;

import java.util.Set;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TipStatus;

/**
 * A list of tips as an agency may see it.
 *
 * @param visibleTo the asking agency: only tips received by, assigned or referred to it
 * @param sharingAnyOf relation keys, one of which a tip must share (empty: no such filter)
 * @param excludedTipId a tip left out (the one related tips are asked for); null: none
 */
public record TipQuery(
    String visibleTo,
    Set<TipStatus> statuses,
    Set<TipSource> sources,
    boolean urgentOnly,
    Set<String> sharingAnyOf,
    String excludedTipId) {
  public TipQuery {
    statuses = Set.copyOf(statuses);
    sources = Set.copyOf(sources);
    sharingAnyOf = Set.copyOf(sharingAnyOf);
  }
}
