package org.taskforce.deconfliction.domain;

import java.util.List;

/** A score in 0..1 with the human-readable reasons behind it. */
public record Similarity(double score, Tier tier, List<String> reasons) {
  public Similarity {
    reasons = List.copyOf(reasons);
  }
}
