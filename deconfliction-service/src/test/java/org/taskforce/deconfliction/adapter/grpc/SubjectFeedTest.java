package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ListReviewItemsRequest;
import org.taskforce.api.deconfliction.v1.RejectReviewItemRequest;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;

/**
 * Issue 17 item 7, deconfliction's side: when the conflicts or possible matches of a registration
 * made with a request id (as case-service registers a subject) change later — another agency
 * registers the same target, a conflict is resolved, a watch officer rejects a possible match —
 * case-service is told the registration's state through the outbox: in order of version, only what
 * the owner may see, and still after an outage of case-service.
 */
@TestPropertySource(properties = "taskforce.deconfliction.case-feed.enabled=true")
class SubjectFeedTest extends DeconflictionTestBase {

  /** HSI registers a subject as case-service does: with the subject's id as request id. */
  private TargetRegistration hsiSubject(String subjectId, DisclosureLevel d, Selector s) {
    return as(hsi())
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRegistration(target(d, s))
                .setRequestId(subjectId)
                .build())
        .getRegistration();
  }

  /** The state case-service ends with: the announcement of the highest version. */
  private static RecordSubjectDeconflictionRequest last(
      List<RecordSubjectDeconflictionRequest> rs) {
    return rs.stream()
        .max(Comparator.comparingLong(RecordSubjectDeconflictionRequest::getStateVersion))
        .orElseThrow();
  }

  @Test
  void aConflictAnotherAgencyCausesLater_andItsResolution_reachTheSubject() {
    TargetRegistration hsi =
        hsiSubject("subject-1", DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0161"));
    drainOutbox();
    assertThat(CASES.received()).isEmpty(); // nothing changed yet

    String conflictId =
        register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("(505) 555-0161"))
            .getHits(0)
            .getConflictId();
    drainOutbox();

    RecordSubjectDeconflictionRequest conflict = last(CASES.about(hsi.getRegistrationId()));
    assertThat(conflict.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT);
    assertThat(conflict.getAgencyId()).isEqualTo(HSI);
    assertThat(conflict.getRequestId()).isEqualTo("subject-1");
    assertThat(conflict.getSummary()).isEqualTo("1 open conflict").doesNotContain(APD);
    // APD registered without a request id: no case subject can follow it, nothing is sent.
    assertThat(CASES.received()).allMatch(r -> r.getAgencyId().equals(HSI));

    var acked =
        as(hsi())
            .acknowledgeConflict(
                AcknowledgeConflictRequest.newBuilder().setConflictId(conflictId).build())
            .getConflict();
    as(apd())
        .resolveConflict(
            ResolveConflictRequest.newBuilder()
                .setConflictId(conflictId)
                .setResolution(ConflictResolution.CONFLICT_RESOLUTION_JOINT_OPERATION)
                .setEtag(acked.getEtag())
                .build());
    drainOutbox();

    RecordSubjectDeconflictionRequest resolved = last(CASES.about(hsi.getRegistrationId()));
    assertThat(resolved.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT_RESOLVED);
    assertThat(resolved.getStateVersion()).isGreaterThan(conflict.getStateVersion());
  }

  @Test
  void aConflictWithARestrictedOwner_isNeverAnnouncedToTheSubjectItWasHiddenFrom() {
    TargetRegistration hsi =
        hsiSubject("subject-2", DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0162"));
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0162"));
    drainOutbox();

    assertThat(CASES.about(hsi.getRegistrationId()))
        .isNotEmpty()
        .allSatisfy(r -> {
          assertThat(r.getDeconflictionState())
              .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
          assertThat(r.getSummary()).isEqualTo("no conflict");
        });
  }

  @Test
  void aPossibleMatchGoesToReview_andItsRejectionTakesTheSubjectBackToNoConflict() {
    TargetRegistration hsi =
        hsiSubject(
            "subject-3",
            DisclosureLevel.DISCLOSURE_LEVEL_OPEN,
            person("Guadalupe", "Archuleta", 1990, 4, 7));
    register(
        apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, person("Lupe", "Archuletta", 1990, 7, 5));
    drainOutbox();
    RecordSubjectDeconflictionRequest review = last(CASES.about(hsi.getRegistrationId()));
    assertThat(review.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_POSSIBLE_MATCH_UNDER_REVIEW);

    String item =
        as(watchOfficer())
            .listReviewItems(ListReviewItemsRequest.getDefaultInstance())
            .getReviewItems(0)
            .getReviewItemId();
    as(watchOfficer())
        .rejectReviewItem(
            RejectReviewItemRequest.newBuilder()
                .setReviewItemId(item)
                .setNote("different people")
                .build());
    drainOutbox();

    RecordSubjectDeconflictionRequest rejected = last(CASES.about(hsi.getRegistrationId()));
    assertThat(rejected.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(rejected.getStateVersion()).isGreaterThan(review.getStateVersion());
  }

  @Test
  void whileCaseServiceIsDown_theStateWaitsInTheOutbox_andArrivesWhenItIsBack() {
    TargetRegistration hsi =
        hsiSubject("subject-4", DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, vin(VIN));
    CASES.setDown(true);
    register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, vin(VIN));
    for (int i = 0; i < 3; i++) {
      relay.relayOnce();
    }
    assertThat(CASES.received()).isEmpty();
    assertThat(
            database.getCollection("outbox").countDocuments(new Document("topic", "case-subjects")))
        .isPositive();

    CASES.setDown(false);
    drainOutbox();

    assertThat(last(CASES.about(hsi.getRegistrationId())).getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT);
  }
}
