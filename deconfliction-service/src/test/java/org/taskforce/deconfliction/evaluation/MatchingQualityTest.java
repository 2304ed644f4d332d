package org.taskforce.deconfliction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.domain.SelectorType;

/**
 * Keeps the matching quality from regressing: runs the shipped evaluation on 10,000 synthetic
 * persons (seed 7) and checks the targets; other seeds are reported in the README.
 */
class MatchingQualityTest {

  @Test
  void matchingQuality_onTenThousandSyntheticPersons() {
    MatchingEvaluation.Report r = new MatchingEvaluation(10_000, 7).run();

    assertThat(r.personMatch().precision()).as("MATCH precision").isGreaterThanOrEqualTo(0.99);
    assertThat(r.personMatch().recall()).as("MATCH recall").isGreaterThanOrEqualTo(0.97);
    assertThat(r.personMatchWithBirthDate().recall())
        .as("MATCH recall (asks with a date of birth)")
        .isGreaterThanOrEqualTo(0.99);
    assertThat(r.personAtLeastPossible().recall())
        .as("MATCH-or-POSSIBLE recall")
        .isGreaterThanOrEqualTo(0.995);
    assertThat(r.personAtLeastPossible().precision())
        .as("MATCH-or-POSSIBLE precision")
        .isGreaterThanOrEqualTo(0.90);
    // The data's ceiling is an upper bound: nothing measured may lie beyond it.
    assertThat(r.personMatch().recall()).isLessThanOrEqualTo(r.ceiling().matchRecall());
    assertThat(r.personAtLeastPossible().precision())
        .isLessThanOrEqualTo(r.ceiling().possiblePrecision());
    for (SelectorType type : r.exactByType().keySet()) {
      assertThat(r.exactByType().get(type).precision()).as(type + " precision").isEqualTo(1.0);
      assertThat(r.exactByType().get(type).recall()).as(type + " recall").isEqualTo(1.0);
    }
    assertThat(r.events().precision()).isEqualTo(1.0);
    assertThat(r.events().recall()).isEqualTo(1.0);
  }
}
