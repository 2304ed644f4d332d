package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.ConfirmReviewItemRequest;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.ConflictStatus;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListReviewItemsRequest;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.api.deconfliction.v1.RejectReviewItemRequest;
import org.taskforce.api.deconfliction.v1.RequiredAction;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.deconfliction.v1.ReviewItemStatus;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.platform.testing.ErrorDetails;

class ConflictWorkflowTest extends DeconflictionTestBase {

  private String conflictBetweenApdAndHsi() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    return register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
        .getHits(0)
        .getConflictId();
  }

  @Test
  void eachSideAcknowledges_thenOneResolves_withEtags() {
    String id = conflictBetweenApdAndHsi();

    var acked =
        as(apd())
            .acknowledgeConflict(AcknowledgeConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    assertThat(acked.getStatus()).isEqualTo(ConflictStatus.CONFLICT_STATUS_ACKNOWLEDGED);
    var again =
        as(apd())
            .acknowledgeConflict(AcknowledgeConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    assertThat(again.getEtag()).isEqualTo(acked.getEtag()); // harmless
    assertThat(again.getSidesList()).filteredOn(s -> s.hasAcknowledged()).hasSize(1);

    var stale =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(hsi())
                    .resolveConflict(
                        ResolveConflictRequest.newBuilder()
                            .setConflictId(id)
                            .setResolution(ConflictResolution.CONFLICT_RESOLUTION_JOINT_OPERATION)
                            .setEtag("W/\"1\"")
                            .build()));
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);

    var resolved =
        as(hsi())
            .resolveConflict(
                ResolveConflictRequest.newBuilder()
                    .setConflictId(id)
                    .setResolution(ConflictResolution.CONFLICT_RESOLUTION_JOINT_OPERATION)
                    .setNote("joint op with APD")
                    .setEtag(acked.getEtag())
                    .build())
            .getConflict();
    assertThat(resolved.getStatus()).isEqualTo(ConflictStatus.CONFLICT_STATUS_RESOLVED);
    assertThat(resolved.getResolved().getAgencyId()).isEqualTo(HSI);

    var missing =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(hsi())
                    .resolveConflict(
                        ResolveConflictRequest.newBuilder()
                            .setConflictId(id)
                            .setEtag(resolved.getEtag())
                            .build()));
    assertThat(ErrorDetails.violations(missing)).containsKey("resolution");
  }

  @Test
  void aNonSideAgency_cannotSeeTheConflict_butAWatchOfficerSeesEveryAgencys() {
    String id = conflictBetweenApdAndHsi();
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> as(fbi()).getConflict(GetConflictRequest.newBuilder().setConflictId(id).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            as(fbi()).listConflicts(ListConflictsRequest.getDefaultInstance()).getConflictsList())
        .isEmpty();

    var denied =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(fbi())
                    .listConflicts(ListConflictsRequest.newBuilder().setAllAgencies(true).build()));
    assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    var all =
        as(watchOfficer())
            .listConflicts(ListConflictsRequest.newBuilder().setAllAgencies(true).build())
            .getConflictsList();
    assertThat(all)
        .singleElement()
        .satisfies(c ->
            assertThat(c.getSidesList())
                .allSatisfy(s -> assertThat(s.getRegistrationId()).isNotEmpty()));
  }

  @Test
  void aRestrictedSide_isHiddenFromTheOtherSide_whileItsOwnerSeesAndIsAlerted() {
    register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0177"));
    var hsiAnswer = register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0177"));

    assertThat(hsiAnswer.getHitsList()).isEmpty();
    assertThat(
            as(hsi()).listConflicts(ListConflictsRequest.getDefaultInstance()).getConflictsList())
        .isEmpty();
    assertThat(
            as(fbi()).listConflicts(ListConflictsRequest.getDefaultInstance()).getConflictsList())
        .singleElement()
        .satisfies(c ->
            assertThat(c.getSidesList())
                .anySatisfy(s ->
                    assertThat(s.getPointOfContact().getDisplayName()).isEqualTo("Det. Rivera")));
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(HSI)).isEmpty();
    assertThat(NOTIFICATIONS.publishedTo(FBI))
        .singleElement()
        .satisfies(n -> assertThat(n.getTitle()).contains("Restricted registration"));
  }

  @Test
  void possibleMatch_goesToTheReviewQueue_confirmRaisesAConflict_rejectIsRemembered() {
    // A typo in the surname and a day/month-swapped date of birth with another typo: POSSIBLE.
    register(
        apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, person("Guadalupe", "Archuleta", 1990, 4, 7));
    var possible =
        register(
            hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, person("Lupe", "Archuletta", 1990, 7, 5));
    assertThat(possible.getHitsList())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.getTier()).isEqualTo(MatchTier.MATCH_TIER_POSSIBLE);
          assertThat(h.getRequiredAction()).isEqualTo(RequiredAction.REQUIRED_ACTION_AWAIT_REVIEW);
        });
    var refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> as(apd()).listReviewItems(ListReviewItemsRequest.getDefaultInstance()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

    var items =
        as(watchOfficer())
            .listReviewItems(
                ListReviewItemsRequest.newBuilder()
                    .addStatuses(ReviewItemStatus.REVIEW_ITEM_STATUS_PENDING)
                    .build())
            .getReviewItemsList();
    assertThat(items)
        .singleElement()
        .satisfies(i -> assertThat(i.getComparedSelectorsList()).hasSize(2));
    var confirmed =
        as(watchOfficer())
            .confirmReviewItem(
                ConfirmReviewItemRequest.newBuilder()
                    .setReviewItemId(items.get(0).getReviewItemId())
                    .build());
    assertThat(confirmed.getReviewItem().getStatus())
        .isEqualTo(ReviewItemStatus.REVIEW_ITEM_STATUS_CONFIRMED);
    assertThat(
            as(apd()).listConflicts(ListConflictsRequest.getDefaultInstance()).getConflictsList())
        .extracting(c -> c.getConflictId())
        .containsExactly(confirmed.getConflict().getConflictId());
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo("nm-ago"))
        .anySatisfy(n ->
            assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_REVIEW_REQUIRED));
    assertThat(NOTIFICATIONS.publishedTo(APD))
        .anySatisfy(n ->
            assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT));
  }

  @Test
  void rejectedPossibleMatch_isNeverRaisedAgainForTheSamePair() {
    register(
        apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, person("Guadalupe", "Archuleta", 1990, 4, 7));
    var hsiReg =
        register(
                hsi(),
                DisclosureLevel.DISCLOSURE_LEVEL_OPEN,
                person("Lupe", "Archuletta", 1990, 7, 5))
            .getRegistration();
    String item =
        as(watchOfficer())
            .listReviewItems(ListReviewItemsRequest.getDefaultInstance())
            .getReviewItems(0)
            .getReviewItemId();
    var noNote =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(watchOfficer())
                    .rejectReviewItem(
                        RejectReviewItemRequest.newBuilder().setReviewItemId(item).build()));
    assertThat(ErrorDetails.violations(noNote)).containsKey("note");
    as(watchOfficer())
        .rejectReviewItem(
            RejectReviewItemRequest.newBuilder()
                .setReviewItemId(item)
                .setNote("different DOB per NCIC")
                .build());

    // HSI edits its registration: the same pair matches again, but stays rejected.
    var updated =
        as(hsi())
            .updateTargetRegistration(
                org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest.newBuilder()
                    .setRegistration(hsiReg.toBuilder().setCaseReference("other"))
                    .setUpdateMask(
                        com.google.protobuf.FieldMask.newBuilder().addPaths("case_reference"))
                    .build());
    assertThat(updated.getHitsList()).isEmpty();
    assertThat(
            as(watchOfficer())
                .listReviewItems(ListReviewItemsRequest.getDefaultInstance())
                .getReviewItemsList())
        .singleElement()
        .satisfies(
            i -> assertThat(i.getStatus()).isEqualTo(ReviewItemStatus.REVIEW_ITEM_STATUS_REJECTED));
  }
}
