package org.taskforce.deconfliction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.domain.SelectorType;

/**
 * Keeps the matching quality from regressing: the task force over time ({@link RegistrySimulation}:
 * 3,750 persons, eight agencies, random arrival order, seed 7) must hold the targets,
 * scored as conflicts + review queue; other seeds are reported in the README.
 */
class MatchingQualityTest {

  @Test
  void taskForceOverTime_holdsTheTargets() {
    RegistrySimulation.Report r = MatchingEvaluation.registry(3_750, 7);
    MatchingEvaluation.print(r);

    assertThat(r.match().precision()).as("MATCH precision").isGreaterThanOrEqualTo(0.99);
    assertThat(r.match().recall())
        .as("MATCH recall (pairs sharing an exact selector or both with a date of birth)")
        .isGreaterThanOrEqualTo(0.97);
    assertThat(r.matchOrPossible().recall())
        .as("MATCH-or-POSSIBLE recall (all true pairs)")
        .isGreaterThanOrEqualTo(0.99);
    assertThat(r.possible().precision()).as("POSSIBLE precision").isGreaterThanOrEqualTo(0.5);
    assertThat(r.hubOnlyMatches()).as("MATCHes resting on a shared selector alone").isZero();
    assertThat(r.orderDisagreements()).as("tiers that change with the arrival order").isZero();
    assertThat(r.directionDisagreements()).as("tiers that change with who asks").isZero();
    assertThat(r.oneSidedFindings()).as("pairs found from one side only").isZero();
    assertThat(r.places().recall()).as("places registered twice").isEqualTo(1.0);
  }

  @Test
  void exactSelectorsAcrossFormats_andEventConflicts_areAllFound() {
    Map<SelectorType, MatchingEvaluation.Counts> exact =
        new MatchingEvaluation(5_000, 7).exactSelectors(new Random(8));
    for (SelectorType type : exact.keySet()) {
      assertThat(exact.get(type).precision()).as(type + " precision").isEqualTo(1.0);
      assertThat(exact.get(type).recall()).as(type + " recall").isEqualTo(1.0);
    }
    MatchingEvaluation.Counts events = MatchingEvaluation.events(new Random(9));
    assertThat(events.precision()).isEqualTo(1.0);
    assertThat(events.recall()).isEqualTo(1.0);
  }
}
