package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class EventRulesTest {
  private final EventRules rules = EventRules.DEFAULTS;
  private final Instant t = Instant.parse("2026-12-01T18:00:00Z");

  private EventPlan at(double lat, double lon, double radius, Instant start, long hours) {
    return new EventPlan(lat, lon, radius, start, start.plus(hours, ChronoUnit.HOURS));
  }

  @Test
  void overlappingCirclesAndWindows_conflict_withTheEarlierStartAsDeadline() {
    var a = at(35.0844, -106.6504, 200, t, 3);
    var b = at(35.0844, -106.6471, 200, t.plus(1, ChronoUnit.HOURS), 2);
    assertThat(rules.overlap(a, b))
        .hasValueSatisfying(o -> {
          assertThat(o.deadline()).isEqualTo(t);
          assertThat(o.distanceMeters()).isBetween(290.0, 310.0);
        });
  }

  @Test
  void withinTheBuffers_stillConflict_beyondThem_not() {
    // 300 m apart, radii 50 m each: within the 200 m buffer? 300 > 50 + 50 + 200 → no.
    assertThat(rules.overlap(at(35.0844, -106.6504, 50, t, 1), at(35.0844, -106.6471, 50, t, 1)))
        .isEmpty();
    assertThat(rules.overlap(at(35.0844, -106.6504, 100, t, 1), at(35.0844, -106.6471, 100, t, 1)))
        .isPresent();
    // Same place, 45 minutes apart: within the one-hour time buffer; two hours apart: not.
    assertThat(
            rules.overlap(
                at(35.0844, -106.6504, 100, t, 1),
                at(35.0844, -106.6504, 100, t.plus(105, ChronoUnit.MINUTES), 1)))
        .isPresent();
    assertThat(
            rules.overlap(
                at(35.0844, -106.6504, 100, t, 1),
                at(35.0844, -106.6504, 100, t.plus(3, ChronoUnit.HOURS), 1)))
        .isEmpty();
  }

  @Test
  void conflictingPlans_alwaysShareACellKey_evenAcrossCellAndDayBorders() {
    // Straddling a cell border (0.05°) and midnight UTC.
    var a = at(35.0999, -106.6504, 300, Instant.parse("2026-12-01T23:30:00Z"), 1);
    var b = at(35.1002, -106.6504, 300, Instant.parse("2026-12-02T00:10:00Z"), 1);
    assertThat(rules.overlap(a, b)).isPresent();
    assertThat(rules.cellKeys(a)).containsAnyElementsOf(rules.cellKeys(b));
  }
}
