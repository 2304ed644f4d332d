package org.taskforce.deconfliction.domain;

import java.util.List;

/**
 * A score in 0..1 with the human-readable reasons behind it.
 *
 * @param exactBirthDate whether both dates of birth were complete and identical
 */
public record Similarity(double score, Tier tier, List<String> reasons, boolean exactBirthDate) {
  public Similarity {
    reasons = List.copyOf(reasons);
  }

  /** The same finding demoted to POSSIBLE, with the reason why. */
  public Similarity demoted(String why) {
    List<String> more = new java.util.ArrayList<>(reasons);
    more.add(why);
    return new Similarity(Math.min(score, 0.8), Tier.POSSIBLE, more, exactBirthDate);
  }
}
