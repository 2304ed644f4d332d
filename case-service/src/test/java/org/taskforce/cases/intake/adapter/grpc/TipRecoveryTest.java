package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.CloseReason;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.Indicator;
import org.taskforce.api.intake.v1.ReferTipRequest;
import org.taskforce.api.intake.v1.ScreenTipRequest;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipCheckState;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.cases.adapter.grpc.CrashSeams;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Tip writes stopped between their steps (as a crash would stop them) or overtaken by another
 * writer, then retried or left to the outbox relay: nothing is lost, nothing is announced twice,
 * and the retry answers what the first success answered.
 */
class TipRecoveryTest extends IntakeTestBase {
  @Autowired CrashSeams seams;

  @Test
  void aCreateRetriedAfterACrashBeforeItsCheckAndNotice_finishesBoth_once() {
    hsiRegisters("(505) 555-0171");
    DECONFLICTION.setDown(true);
    CreateTipRequest create = urgentCall("(505) 555-0171", "hotline-call-2026-0412");
    seams.crashAt("tip.stored");

    var crash = thrownBy(() -> tips(hotline()).createTip(create));

    assertThat(crash.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(database.getCollection("tips").countDocuments()).isOne();
    // Prepared before the tip was stored, released by the retry below.
    assertThat(outboxIds()).filteredOn(id -> id.startsWith("tip-")).hasSize(2);

    Tip retried = tips(hotline()).createTip(create).getTip();
    Tip again = tips(hotline()).createTip(create).getTip();
    assertThat(again.getTipId()).isEqualTo(retried.getTipId());
    assertThat(database.getCollection("tips").countDocuments()).isOne();
    DECONFLICTION.setDown(false);

    Tip checked = awaitTip(retried.getTipId(), t -> t.getCheckState() == checkedState());
    assertThat(checked.getHitsList())
        .anySatisfy(h -> assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(HSI));
    drainOutbox();
    assertThat(urgentNoticesTo(AGO)).hasSize(1);
    assertThat(outboxIds()).isEmpty();
  }

  @Test
  void anUrgentTipStoredBeforeACrash_isStillAnnouncedAndChecked_withoutARetry() {
    hsiRegisters("(505) 555-0170");
    DECONFLICTION.setDown(true);
    CreateTipRequest create = urgentCall("(505) 555-0170", "hotline-call-2026-0411");
    seams.crashAt("tip.stored");
    thrownBy(() -> tips(hotline()).createTip(create));
    String tipId = database.getCollection("tips").find().first().getString("_id");
    DECONFLICTION.setDown(false);

    // Nobody retries: the relay finds the tip stored and releases its notice and its check.
    afterCrash();

    assertThat(urgentNoticesTo(AGO)).hasSize(1);
    Tip checked = awaitTip(tipId, t -> t.getCheckState() == checkedState());
    assertThat(checked.getHitsList())
        .anySatisfy(h -> assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(HSI));
    assertThat(outboxIds()).isEmpty();
  }

  @Test
  void anUrgentTipNeverStored_isNeverAnnounced() {
    DECONFLICTION.setDown(true);
    CreateTipRequest create = urgentCall("(505) 555-0169", "hotline-call-2026-0410");
    // The service stops after preparing the notice and the check, before the tip is stored.
    seams.crashAt("tip.prepared");
    thrownBy(() -> tips(hotline()).createTip(create));
    assertThat(database.getCollection("tips").countDocuments()).isZero();
    DECONFLICTION.setDown(false);
    afterCrash();
    afterCrash();

    assertThat(urgentNoticesTo(AGO)).isEmpty();
    assertThat(outboxIds()).isEmpty();
  }

  @Test
  void aQueuedCheckOvertakenByTriage_isMadeAgain_notDropped() {
    hsiRegisters("(505) 555-0172");
    DECONFLICTION.setDown(true);
    String tipId = enter(hotline(), motelTip("(505) 555-0172")).getTipId();
    Tip unchecked = get(agoCoordinator(), tipId);
    assertThat(unchecked.getCheckState()).isNotEqualTo(checkedState());
    // Triage writes the tip while its queued check waits for deconfliction's answer.
    seams.runAt(
        "tip.rechecked",
        () ->
            tips(agoCoordinator())
                .screenTip(
                    ScreenTipRequest.newBuilder()
                        .setTipId(tipId)
                        .setNote("caller credible")
                        .setEtag(unchecked.getEtag())
                        .build()));
    DECONFLICTION.setDown(false);

    Tip checked = awaitTip(tipId, t -> t.getCheckState() == checkedState());

    assertThat(checked.getStatus()).isEqualTo(TipStatus.TIP_STATUS_SCREENED);
    assertThat(checked.getStatusNote()).isEqualTo("caller credible");
    assertThat(checked.getHitsList())
        .anySatisfy(h -> assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(HSI));
  }

  @Test
  void tipsReceivedByDifferentAgencies_cannotBeMerged_andNeitherChanges() {
    Tip ours = get(agoCoordinator(), enter(hotline(), motelTip("(505) 555-0173")).getTipId());
    // HSI received the other tip and assigned it to AGO: AGO's coordinator may triage both.
    String hsiCoordinator = coordinatorOnly(HSI, "FEDERAL");
    String theirsId =
        enter(hotline(), motelTip("(505) 555-0173").setReceivingAgencyId(HSI)).getTipId();
    Tip theirs = get(hsiCoordinator, theirsId);
    theirs =
        tips(hsiCoordinator)
            .assignTip(
                AssignTipRequest.newBuilder()
                    .setTipId(theirsId)
                    .setAgencyId(AGO)
                    .setOfficer("Agent Baca")
                    .setEtag(theirs.getEtag())
                    .build())
            .getTip();
    Tip theirsAsAgo = get(agoCoordinator(), theirsId);

    for (var pair : List.of(List.of(ours, theirsAsAgo), List.of(theirsAsAgo, ours))) {
      var refused =
          thrownBy(() -> tips(agoCoordinator()).mergeTips(merging(pair.get(0), pair.get(1))));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(refused)).containsOnlyKeys("other_tip_id");
    }
    assertThat(get(agoCoordinator(), ours.getTipId())).isEqualTo(ours);
    assertThat(get(hsiCoordinator, theirsId)).isEqualTo(theirs);
  }

  @Test
  void aMergeWhoseOtherTipIsClosedMeanwhile_changesNeitherTip_andItsRetryIsRefused() {
    Tip ours = get(agoCoordinator(), enter(hotline(), motelTip("(505) 555-0177")).getTipId());
    Tip other = get(agoCoordinator(), enter(hotline(), motelTip("(505) 555-0178")).getTipId());
    seams.runAt(
        "tips.merging",
        () ->
            tips(agoCoordinator())
                .closeTip(closing(other, CloseReason.CLOSE_REASON_NO_INDICATORS)));

    var raced = thrownBy(() -> merge(ours, other));

    assertThat(raced.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(get(agoCoordinator(), ours.getTipId())).isEqualTo(ours);
    var retried = thrownBy(() -> merge(ours, other));
    assertThat(retried.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(get(agoCoordinator(), ours.getTipId())).isEqualTo(ours);
    assertThat(get(agoCoordinator(), other.getTipId()).getDuplicateOfTipId()).isEmpty();
  }

  @Test
  void aMergeStoppedAfterClosingTheOther_isFinishedByItsRetry_once() {
    Tip ours = get(agoCoordinator(), enter(hotline(), motelTip("(505) 555-0179")).getTipId());
    Tip other = get(agoCoordinator(), enter(hotline(), motelTip("(505) 555-0180")).getTipId());
    seams.crashAt("tips.merge.closed");

    var crash = thrownBy(() -> merge(ours, other));

    assertThat(crash.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(get(agoCoordinator(), other.getTipId()).getStatus())
        .isEqualTo(TipStatus.TIP_STATUS_CLOSED);
    Tip merged = merge(ours, other);
    assertThat(merged.getMergedTipIdsList()).containsExactly(other.getTipId());
    assertThat(merged.getIdentifiersList())
        .extracting(i -> i.getValue())
        .anyMatch(v -> v.contains("0180"));
    assertThat(merge(ours, other)).isEqualTo(merged);
    assertThat(get(agoCoordinator(), ours.getTipId())).isEqualTo(merged);
  }

  @Test
  void aReferralWhoseNoticeWasNotReleased_isToldOnce_andItsRetryAnswersAsTheFirst() {
    Tip tip = get(agoCoordinator(), enter(hotline(), motelTip("505-555-0174")).getTipId());
    drainOutbox();
    NOTIFICATIONS.clear();
    ReferTipRequest refer =
        ReferTipRequest.newBuilder()
            .setTipId(tip.getTipId())
            .setAgencyId(NNPD)
            .setReason("on Navajo Nation land")
            .setEtag(tip.getEtag())
            .build();
    seams.crashAt("tip.referred");

    var crash = thrownBy(() -> tips(agoCoordinator()).referTip(refer));

    assertThat(crash.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    Tip stored = get(agoCoordinator(), tip.getTipId());
    assertThat(stored.getStatus()).isEqualTo(TipStatus.TIP_STATUS_REFERRED);
    // The retry gets the referral it made, not TIP_NOT_OPEN or a stale etag.
    Tip retried = tips(agoCoordinator()).referTip(refer).getTip();
    assertThat(retried).isEqualTo(stored);
    assertThat(tips(agoCoordinator()).referTip(refer).getTip()).isEqualTo(stored);
    afterCrash();
    afterCrash();
    assertThat(referralsTo(NNPD)).hasSize(1);
    assertThat(outboxIds()).isEmpty();
  }

  @Test
  void aReferralNoticePreparedButNeverReleased_goesOutIfTheReferralWasStored() {
    Tip tip = referralToNnpdCrashedAt("tip.referred", "505-555-0175");

    // Nobody retries: the relay finds the referral stored and sends its notice.
    afterCrash();

    assertThat(referralsTo(NNPD)).hasSize(1);
    assertThat(outboxIds()).isEmpty();
  }

  @Test
  void aReferralThatWasNeverStored_isNotAnnounced_andAnotherReferralStillCan() {
    Tip tip = referralToNnpdCrashedAt("tip-notice.prepared", "505-555-0176");
    assertThat(get(agoCoordinator(), tip.getTipId()).getStatus())
        .isNotEqualTo(TipStatus.TIP_STATUS_REFERRED);

    afterCrash();
    assertThat(referralsTo(NNPD)).isEmpty();
    assertThat(outboxIds()).isEmpty();

    // A stale referral prepares nothing that could go out later.
    Tip screened =
        tips(agoCoordinator())
            .screenTip(
                ScreenTipRequest.newBuilder()
                    .setTipId(tip.getTipId())
                    .setEtag(tip.getEtag())
                    .build())
            .getTip();
    var stale = thrownBy(() -> refer(tip, APD));
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    refer(screened, NNPD);
    afterCrash();
    assertThat(referralsTo(APD)).isEmpty();
    assertThat(referralsTo(NNPD)).hasSize(1);
  }

  // ---- helpers

  /** A hotline's call about a minor in commercial sex at the motel, with {@code phone}. */
  private static CreateTipRequest urgentCall(String phone, String requestId) {
    return CreateTipRequest.newBuilder()
        .setTip(motelTip(phone).addIndicators(Indicator.INDICATOR_MINOR_IN_COMMERCIAL_SEX))
        .setReporter(reporter())
        .setRequestId(requestId)
        .build();
  }

  /**
   * A hotline tip (its notices sent and forgotten) whose referral to NNPD crashed at {@code seam}.
   */
  private Tip referralToNnpdCrashedAt(String seam, String phone) {
    Tip tip = get(agoCoordinator(), enter(hotline(), motelTip(phone)).getTipId());
    drainOutbox();
    NOTIFICATIONS.clear();
    seams.crashAt(seam);
    thrownBy(() -> refer(tip, NNPD));
    return tip;
  }

  private Tip merge(Tip tip, Tip other) {
    return tips(agoCoordinator()).mergeTips(merging(tip, other)).getTip();
  }

  private Tip refer(Tip tip, String agency) {
    return tips(agoCoordinator())
        .referTip(
            ReferTipRequest.newBuilder()
                .setTipId(tip.getTipId())
                .setAgencyId(agency)
                .setReason("their jurisdiction")
                .setEtag(tip.getEtag())
                .build())
        .getTip();
  }

  private static TipCheckState checkedState() {
    return TipCheckState.TIP_CHECK_STATE_CHECKED;
  }

  /** The tip once {@code done} holds, while the outbox relay works (at most 10 s). */
  private Tip awaitTip(String tipId, java.util.function.Predicate<Tip> done) {
    long until = System.currentTimeMillis() + 10_000;
    Tip t = get(agoCoordinator(), tipId);
    while (!done.test(t) && System.currentTimeMillis() < until) {
      drainOutbox();
      sleep();
      t = get(agoCoordinator(), tipId);
    }
    assertThat(done.test(t)).as("tip %s reached the expected state: %s", tipId, t).isTrue();
    return t;
  }

  private List<String> outboxIds() {
    return database
        .getCollection("outbox")
        .find()
        .map(d -> d.getString("_id"))
        .into(new java.util.ArrayList<>());
  }

  private List<PublishNotificationRequest> urgentNoticesTo(String agency) {
    return NOTIFICATIONS.publishedTo(agency).stream()
        .filter(n -> n.getKind().name().endsWith("TIP_RECEIVED"))
        .filter(n -> n.getTitle().startsWith("Urgent tip"))
        .toList();
  }

  private List<PublishNotificationRequest> referralsTo(String agency) {
    return NOTIFICATIONS.publishedTo(agency).stream()
        .filter(n -> n.getKind().name().endsWith("TIP_RECEIVED"))
        .filter(n -> n.getTitle().endsWith("referred to your agency"))
        .toList();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
