package org.taskforce.deconfliction.domain;

import java.util.List;
import java.util.Set;

/**
 * How the selectors of an ask match one registered target.
 *
 * @param matchedTypes the asker's selector types that matched
 * @param comparedSelector for person matches, the index of the asker's person selector
 * @param highFrequency an identical address or phone of two persons was not taken as evidence that
 *     they are one (households, motels and shelters share them); shown as {@code
 *     high_frequency_selector}
 */
public record TargetMatch(
    String registrationId,
    String agencyId,
    Tier tier,
    double score,
    List<String> reasons,
    Set<SelectorType> matchedTypes,
    boolean highFrequency) {
  public TargetMatch {
    reasons = List.copyOf(reasons);
    matchedTypes = Set.copyOf(matchedTypes);
  }
}
