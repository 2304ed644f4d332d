package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.deconfliction.application.Retention;

/**
 * Issue 17 item 7 with retention: when the other side of a subject's conflict or possible match is
 * purged (28 CFR Part 23), the conflict goes with it, and the subject is told — with a state
 * version higher than any announced before, although the records the version was summed from are
 * gone. Before, nothing was announced and the next announcement's version could be lower than the
 * last, so case-service kept the purged conflict's state.
 */
@TestPropertySource(properties = "taskforce.deconfliction.case-feed.enabled=true")
class PurgedConflictFeedTest extends ClockedTestBase {

  private String hsiSubject(String subjectId, Selector s) {
    return as(at(HSI, "FEDERAL"))
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRegistration(target(DisclosureLevel.DISCLOSURE_LEVEL_OPEN, s))
                .setRequestId(subjectId)
                .build())
        .getRegistration()
        .getRegistrationId();
  }

  private static RecordSubjectDeconflictionRequest last(
      List<RecordSubjectDeconflictionRequest> rs) {
    return rs.stream()
        .max(Comparator.comparingLong(RecordSubjectDeconflictionRequest::getStateVersion))
        .orElseThrow();
  }

  /**
   * APD registers first; HSI's subject 100 days later; APD's expires and is purged, HSI's lives.
   */
  private RecordSubjectDeconflictionRequest purgeTheOlderSide(
      String subjectId, Selector apdSelector, Selector hsiSelector, DeconflictionState before) {
    register(at(APD, "LOCAL"), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, apdSelector);
    CLOCK.advance(Duration.ofDays(100));
    String hsi = hsiSubject(subjectId, hsiSelector);
    drainOutbox();
    RecordSubjectDeconflictionRequest first = last(CASES.about(hsi));
    assertThat(first.getDeconflictionState()).isEqualTo(before);

    CLOCK.advance(Duration.ofDays(81));
    assertThat(retention.run().expired()).isEqualTo(1); // APD's, at 181 days; HSI's is 81 days old
    CLOCK.advance(Duration.ofDays(31));
    Retention.Report purge = retention.run();
    assertThat(purge.purgedTargets()).isEqualTo(1);
    drainOutbox();

    RecordSubjectDeconflictionRequest after = last(CASES.about(hsi));
    assertThat(after.getStateVersion())
        .as("the version after the purge, against the highest announced before")
        .isGreaterThan(first.getStateVersion());
    return after;
  }

  @Test
  void theOtherSideOfAConflictIsPurged_theSubjectIsToldItHasNoConflict_withAHigherVersion() {
    RecordSubjectDeconflictionRequest after =
        purgeTheOlderSide(
            "subject-purge-1",
            phone("505-555-0411"),
            phone("(505) 555-0411"),
            DeconflictionState.DECONFLICTION_STATE_CONFLICT);
    assertThat(after.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(database.getCollection("conflicts").countDocuments()).isZero();
  }

  @Test
  void theOtherSideOfAPossibleMatchIsPurged_theSubjectLeavesReview_withAHigherVersion() {
    RecordSubjectDeconflictionRequest after =
        purgeTheOlderSide(
            "subject-purge-2",
            person("Guadalupe", "Archuleta", 1990, 4, 7),
            person("Lupe", "Archuletta", 1990, 7, 5),
            DeconflictionState.DECONFLICTION_STATE_POSSIBLE_MATCH_UNDER_REVIEW);
    assertThat(after.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(database.getCollection("review_items").countDocuments()).isZero();
  }
}
