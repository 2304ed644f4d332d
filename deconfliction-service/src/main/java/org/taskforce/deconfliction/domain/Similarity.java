package org.taskforce.deconfliction.domain;

import java.util.List;

/**
 * A score in 0..1 with the human-readable reasons behind it.
 *
 * @param exactBirthDate whether both dates of birth were complete and identical
 * @param namesOnly one side has no date of birth: the names are all the evidence, a MATCH only when
 *     they fit no other registered person (see {@link TargetMatching})
 * @param everyName as {@code namesOnly}, and every name of each side has its counterpart in the
 *     other
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

  /** The same finding demoted to POSSIBLE, with the reason why. */
  public Similarity demoted(String why) {
    return with(Tier.POSSIBLE, Math.min(score, 0.8), why);
  }

  /** The same finding raised to MATCH, with the reason why. */
  public Similarity promoted(String why) {
    return with(Tier.MATCH, score, why);
  }

  private Similarity with(Tier newTier, double newScore, String why) {
    List<String> more = new java.util.ArrayList<>(reasons);
    more.add(why);
    return new Similarity(newScore, newTier, more, exactBirthDate, namesOnly, everyName);
  }
}
