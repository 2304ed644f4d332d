package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.CancelEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ConflictSide;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.GetEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationRequest;

/** Issue 20 item 1: notes and reasons are stored and returned where a reader looks. */
class NotesAndReasonsTest extends DeconflictionTestBase {

  @Test
  void anAcknowledgementNote_isKept_andShownToBothSides_butTheOtherSidesOfficerStaysUnnamed() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    String id =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, phone("505-555-0142"))
            .getHits(0)
            .getConflictId();

    as(hsi())
        .acknowledgeConflict(
            AcknowledgeConflictRequest.newBuilder()
                .setConflictId(id)
                .setNote("seen; our case agent will call APD today")
                .build());

    var seenByApd =
        as(apd())
            .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    ConflictSide hsiSide =
        seenByApd.getSidesList().stream()
            .filter(s -> s.getAgency().getAgencyId().equals(HSI))
            .findFirst()
            .orElseThrow();
    assertThat(hsiSide.getAcknowledgementNote())
        .isEqualTo("seen; our case agent will call APD today");
    assertThat(hsiSide.getAcknowledged().getDisplayName()).isEmpty(); // AGENCY_ONLY: no names
    assertThat(hsiSide.getAcknowledged().hasTime()).isTrue();
    var seenByHsi =
        as(hsi())
            .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    assertThat(seenByHsi.getSidesList())
        .filteredOn(s -> s.getAgency().getAgencyId().equals(HSI))
        .singleElement()
        .satisfies(s -> {
          assertThat(s.getAcknowledgementNote()).startsWith("seen;");
          assertThat(s.getAcknowledged().getDisplayName()).isNotEmpty();
        });
  }

  @Test
  void withdrawAndCancelReasons_areKeptOnTheRegistration() {
    var target =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
            .getRegistration();
    var withdrawn =
        as(hsi())
            .withdrawTargetRegistration(
                WithdrawTargetRegistrationRequest.newBuilder()
                    .setRegistrationId(target.getRegistrationId())
                    .setEtag(target.getEtag())
                    .setReason("subject deported")
                    .build())
            .getRegistration();
    assertThat(withdrawn.getStatusReason()).isEqualTo("subject deported");
    assertThat(
            as(hsi())
                .getTargetRegistration(
                    GetTargetRegistrationRequest.newBuilder()
                        .setRegistrationId(target.getRegistrationId())
                        .build())
                .getRegistration()
                .getStatusReason())
        .isEqualTo("subject deported");

    var event =
        registerEvent(hsi(), event(35.08, -106.65, 100, Instant.now().plus(1, ChronoUnit.DAYS), 2))
            .getRegistration();
    as(hsi())
        .cancelEventRegistration(
            CancelEventRegistrationRequest.newBuilder()
                .setRegistrationId(event.getRegistrationId())
                .setEtag(event.getEtag())
                .setReason("warrant not signed")
                .build());
    assertThat(
            as(hsi())
                .getEventRegistration(
                    GetEventRegistrationRequest.newBuilder()
                        .setRegistrationId(event.getRegistrationId())
                        .build())
                .getRegistration()
                .getStatusReason())
        .isEqualTo("warrant not signed");
  }
}
