package org.taskforce.deconfliction.domain;

import java.util.List;

/**
 * A score in 0..1 with the human-readable reasons behind it.
 *
 * @param exactBirthDate whether both dates of birth were complete and identical
 * @param namesOnly one side has no date of birth: the names are all the evidence, at most POSSIBLE
 *     unless another selector agrees (see {@link TargetMatching})
 * @param everyName as {@code namesOnly}, the names strongly alike, and every name of each side has
 *     its counterpart in the other
 */
public record Similarity(
    double score,
    Tier tier,
    List<String> reasons,
    boolean exactBirthDate,
    boolean namesOnly,
    boolean everyName) {
  public Similarity {
    reasons = List.copyOf(reasons);
  }
}
