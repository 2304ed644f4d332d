package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.intake.v1.CloseReason;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.Indicator;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListRelatedTipsResponse;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.ReferTipRequest;
import org.taskforce.api.intake.v1.ScreenTipRequest;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipCheckState;
import org.taskforce.api.intake.v1.TipLocation;
import org.taskforce.api.intake.v1.TipOutcome;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;

/**
 * A tip's life against the real deconfliction-service: checked on arrival (the owner of a matching
 * registration hears of the search), related to another tip about the same motel, triaged,
 * converted into a case whose subjects are registered (and conflict with the earlier registration),
 * and its outcome exported for the source.
 */
public class TipLifecycleTest extends IntakeTestBase {

  @Test
  void aTipWhosePhoneHsiRegistered_showsTheHit_andHsiHearsOfTheSearch() {
    hsiRegisters("(505) 555-0161");
    NOTIFICATIONS.clear();

    Tip receipt = enter(hotline(), motelTip("(505) 555-0161"));
    // The hotline gets a receipt: checks before acting are law enforcement's, not the advocate's.
    assertThat(receipt.getHitsList()).isEmpty();
    assertThat(receipt.toString()).doesNotContain(HSI).doesNotContain("Okafor");

    Tip tip =
        tips(agoCoordinator())
            .getTip(
                org.taskforce.api.intake.v1.GetTipRequest.newBuilder()
                    .setTipId(receipt.getTipId())
                    .build())
            .getTip();
    assertThat(tip.getCheckState()).isEqualTo(TipCheckState.TIP_CHECK_STATE_CHECKED);
    assertThat(tip.getHitsList())
        .anySatisfy(h -> {
          assertThat(h.getTier()).isEqualTo("MATCH");
          assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(HSI);
          assertThat(h.getOwnerContact().getDisplayName()).isEqualTo("SA Okafor");
        });
    assertThat(tip.getReceivingAgencyId()).isEqualTo(AGO);
    assertThat(tip.getStatus()).isEqualTo(TipStatus.TIP_STATUS_NEW);
    assertThat(tip.getAnonymous()).isFalse();
    ownerHearsOfTheSearch(HSI);
  }

  /**
   * With the fake: the check was AGO's intake desk's (so the real one tells the owner AGO
   * searched).
   */
  void ownerHearsOfTheSearch(String owner) {
    assertThat(DECONFLICTION.checks())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.caller().agencyId()).isEqualTo(AGO);
          assertThat(c.caller().roles()).containsExactly("partner-system");
          assertThat(c.caller().clientId()).isEqualTo("case-service");
          assertThat(c.request().getRegister()).isFalse();
          assertThat(c.request().getPurpose()).startsWith("tip intake t");
        });
  }

  @Test
  void twoTipsAboutOneMotel_areRelated_andMergeIntoOne() {
    Tip first = enter(hotline(), motelTip("505-555-0162"));
    Tip second =
        enter(
            agoInvestigator(),
            motelTip("505-555-0999")
                .setSource(TipSource.TIP_SOURCE_NHTH)
                .clearPersons()
                .setLocation(
                    TipLocation.newBuilder()
                        .setAddress("5400 central ave SE")
                        .setCity("ALBUQUERQUE")
                        .setState("nm")));
    Tip unrelated =
        enter(
            hotline(),
            motelTip("505-555-0777")
                .clearPersons()
                .setLocation(
                    TipLocation.newBuilder()
                        .setAddress("12 Elm St")
                        .setCity("Gallup")
                        .setState("NM")));

    ListRelatedTipsResponse related =
        tips(agoCoordinator())
            .listRelatedTips(
                ListRelatedTipsRequest.newBuilder().setTipId(first.getTipId()).build());

    assertThat(related.getRelatedTipsList()).hasSize(1);
    assertThat(related.getRelatedTips(0).getTip().getTipId()).isEqualTo(second.getTipId());
    assertThat(related.getRelatedTips(0).getSharedList()).containsExactly("address");
    assertThat(unrelated.getTipId()).isNotIn(first.getTipId(), second.getTipId());

    Tip merged = tips(agoCoordinator()).mergeTips(merging(first, second)).getTip();
    assertThat(merged.getMergedTipIdsList()).containsExactly(second.getTipId());
    assertThat(merged.getIdentifiersList())
        .extracting(i -> i.getValue())
        .containsExactly("505-555-0162", "505-555-0999");
    Tip duplicate = get(agoCoordinator(), second.getTipId());
    assertThat(duplicate.getStatus()).isEqualTo(TipStatus.TIP_STATUS_CLOSED);
    assertThat(duplicate.getCloseReason()).isEqualTo(CloseReason.CLOSE_REASON_DUPLICATE);
    assertThat(duplicate.getDuplicateOfTipId()).isEqualTo(first.getTipId());
  }

  @Test
  void triagedAndConverted_theSubjectsAreRegistered_andHsisPhoneIsAConflict() {
    hsiRegisters(samePhoneAs("(505) 555-0163"));
    Tip tip = enter(hotline(), motelTip("(505) 555-0163"));
    String coordinator = agoCoordinator();

    tip = assign(coordinator, tip, "", "Agent Baca");
    assertThat(tip.getStatus()).isEqualTo(TipStatus.TIP_STATUS_ASSIGNED);
    assertThat(tip.getAssignedAgencyId()).isEqualTo(AGO);
    tip =
        tips(coordinator)
            .screenTip(
                ScreenTipRequest.newBuilder()
                    .setTipId(tip.getTipId())
                    .setNote("indicators credible")
                    .setEtag(tip.getEtag())
                    .build())
            .getTip();
    ConvertTipToCaseResponse converted =
        tips(coordinator).convertTipToCase(conversion(tip, "Central Ave motel"));

    assertThat(converted.getTip().getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
    assertThat(converted.getTip().getOutcome())
        .isEqualTo(TipOutcome.TIP_OUTCOME_INVESTIGATION_OPENED);
    assertThat(converted.getCaseNumber()).startsWith("NMHTTF-");
    List<Subject> subjects =
        as(coordinator)
            .listSubjects(ListSubjectsRequest.newBuilder().setCaseId(converted.getCaseId()).build())
            .getSubjectsList();
    // The trafficker, the phone and the motel's address; never the possible victim.
    assertThat(subjects).hasSize(3);
    assertThat(converted.getSubjectCount()).isEqualTo(3);
    assertThat(subjects).extracting(Subject::getDisplayName).doesNotContain("Maria Lopez");
    assertThat(subjects)
        .filteredOn(s -> s.getDisplayName().startsWith("phone"))
        .singleElement()
        .satisfies(s ->
            assertThat(s.getDeconflictionState())
                .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT));

    String csv = hotlineOutcomes(coordinator).getCsv();
    assertThat(csv)
        .contains(tip.getTipId() + ",STATE_HOTLINE,,")
        .contains("INVESTIGATION_OPENED")
        .contains("case " + converted.getCaseId());
  }

  @Test
  void anUrgentTip_isAnnouncedToTheReceivingAgency_withADeadline() {
    Tip tip =
        enter(
            hotline(),
            motelTip("505-555-0164").addIndicators(Indicator.INDICATOR_MINOR_IN_COMMERCIAL_SEX));

    assertThat(tip.getUrgent()).isTrue();
    drainOutbox();
    PublishNotificationRequest n = awaitNotification(AGO, "TIP_RECEIVED");
    assertThat(n.getRequiresAcknowledgement()).isTrue();
    assertThat(n.hasAcknowledgeDeadline()).isTrue();
    assertThat(n.getBody()).contains("minor in commercial sex");
    assertThat(
            tips(agoCoordinator())
                .listTips(ListTipsRequest.newBuilder().setUrgentOnly(true).build())
                .getTipsList())
        .extracting(Tip::getTipId)
        .containsExactly(tip.getTipId());
  }

  @Test
  void referredAndClosed_theOutcomesReadAsTheSourceIsTold() {
    Tip referred = enter(hotline(), motelTip("505-555-0165"));
    Tip closed = enter(hotline(), motelTip("505-555-0166"));
    String coordinator = agoCoordinator();
    tips(coordinator)
        .referTip(
            ReferTipRequest.newBuilder()
                .setTipId(referred.getTipId())
                .setAgencyId(NNPD)
                .setReason("on Navajo Nation land")
                .setEtag(referred.getEtag())
                .build());
    tips(coordinator).closeTip(closing(closed, CloseReason.CLOSE_REASON_INSUFFICIENT_INFORMATION));

    String nnpd = coordinatorOnly(NNPD, "TRIBAL");
    assertThat(get(nnpd, referred.getTipId()).getStatus()).isEqualTo(TipStatus.TIP_STATUS_REFERRED);
    drainOutbox();
    awaitNotification(NNPD, "TIP_RECEIVED");
    String csv = hotlineOutcomes(coordinator).getCsv();
    assertThat(csv.split("\r\n"))
        .hasSize(3)
        .anySatisfy(l ->
            assertThat(l)
                .startsWith(referred.getTipId())
                .endsWith("REFERRED," + l.split(",")[5] + ",referred to " + NNPD))
        .anySatisfy(
            l -> assertThat(l).startsWith(closed.getTipId()).endsWith("INSUFFICIENT_INFORMATION"));
    // NNPD received neither tip: its export is empty.
    assertThat(hotlineOutcomes(nnpd).getCount()).isZero();
  }

  /** The phone as HSI wrote it: the fake matches only identical text, the real one any format. */
  String samePhoneAs(String phone) {
    return phone;
  }

  PublishNotificationRequest awaitNotification(String agency, String kind) {
    long until = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < until) {
      drainOutbox();
      var found =
          NOTIFICATIONS.publishedTo(agency).stream()
              .filter(p -> p.getKind().name().endsWith(kind))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError(
        "no " + kind + " notification reached " + agency + ": " + NOTIFICATIONS.published());
  }
}
