package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.SelectorType;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.api.deconfliction.v1.RequiredAction;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.platform.testing.ErrorDetails;

class CheckBeforeActingTest extends DeconflictionTestBase {

  @Test
  void hsiAgentChecksSuspect_learnsWhomToCallAndNothingOfTheirCases() {
    var chuy =
        org.taskforce.api.common.v1.Selector.newBuilder()
            .setPerson(
                org.taskforce.api.common.v1.PersonSelector.newBuilder()
                    .addGivenNames("Jesús")
                    .addSurnames("García-Ortiz")
                    .addAliases("Chuy")
                    .setDateOfBirth(
                        com.google.type.Date.newBuilder().setYear(1988).setMonth(3).setDay(4)))
            .build();
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, chuy, phone("(505) 555-0142"));
    register(nnpd(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, vin(VIN));

    CheckBeforeActingResponse answer =
        as(hsi())
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addSelectors(person("Jesus", "Garcia Ortiz", 1988, 3, 4))
                    .addSelectors(phone("+1 505 555 0142"))
                    .addSelectors(phone("505-555-0199"))
                    .addSelectors(vin(VIN.toLowerCase()))
                    .setPurpose("arrest warrant 2026-0193")
                    .setPointOfContact(contact("SA Morgan"))
                    .build());

    assertThat(answer.getHitsList()).hasSize(2);
    ConflictHit apdHit =
        answer.getHitsList().stream()
            .filter(h -> h.getOwnerAgency().getAgencyId().equals(APD))
            .findFirst()
            .orElseThrow();
    assertThat(apdHit.getTier()).isEqualTo(MatchTier.MATCH_TIER_MATCH);
    assertThat(apdHit.getMatchedSelectorTypesList())
        .contains(SelectorType.SELECTOR_TYPE_PERSON, SelectorType.SELECTOR_TYPE_PHONE);
    assertThat(apdHit.getOwnerContact().getDisplayName()).isEqualTo("Det. Rivera");
    assertThat(apdHit.getRequiredAction()).isEqualTo(RequiredAction.REQUIRED_ACTION_CONTACT_OWNER);
    assertThat(apdHit.getReasonsList())
        .anySatisfy(r -> assertThat(r).contains("phone number identical"));

    ConflictHit nnpdHit =
        answer.getHitsList().stream()
            .filter(h -> h.getOwnerAgency().getAgencyId().equals(NNPD))
            .findFirst()
            .orElseThrow();
    assertThat(nnpdHit.getDisclosureLevel())
        .isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);
    assertThat(nnpdHit.hasOwnerContact()).isFalse();
    assertThat(nnpdHit.getRequiredAction()).isEqualTo(RequiredAction.REQUIRED_ACTION_AWAIT_OWNER);
    assertThat(answer.toString()).doesNotContain("case-secret-123");
    assertThat(answer.getCheckId()).isNotBlank();

    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(APD))
        .singleElement()
        .satisfies(n -> {
          assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_SUBJECT_SEARCHED);
          assertThat(n.getBody()).contains("SA Morgan").doesNotContain("arrest warrant");
        });
    assertThat(NOTIFICATIONS.publishedTo(NNPD)).hasSize(1);
    assertThat(
            database
                .getCollection("audit_log")
                .countDocuments(
                    new org.bson.Document("action", "check.before-acting")
                        .append("purpose", "arrest warrant 2026-0193")))
        .isEqualTo(1);
    assertThat(database.getCollection("targets").countDocuments())
        .isEqualTo(2); // the check registered nothing
  }

  @Test
  void restrictedRegistration_staysInvisibleToTheAsker_andItsOwnerIsAlerted() {
    register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0177"));

    CheckBeforeActingResponse hit =
        as(hsi())
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addSelectors(phone("5055550177"))
                    .setPurpose("buy-bust planning")
                    .build());
    CheckBeforeActingResponse nothing =
        as(hsi())
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addSelectors(phone("5055550178"))
                    .setPurpose("buy-bust planning")
                    .build());

    assertThat(hit.getHitsList()).isEmpty();
    assertThat(hit.getPolicyNote()).isEqualTo(nothing.getPolicyNote()).isNotBlank();
    assertThat(hit.getPartnerAnswersList()).isEqualTo(nothing.getPartnerAnswersList());
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(FBI))
        .singleElement()
        .satisfies(n -> {
          assertThat(n.getBody()).contains("restricted");
          assertThat(n.getRequiresAcknowledgement()).isTrue();
        });
    assertThat(NOTIFICATIONS.publishedTo(HSI)).isEmpty();
  }

  @Test
  void plannedOperations300mApartInOverlappingHours_conflictWithTheEarlierStartAsDeadline() {
    Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    var buyBust = registerEvent(apd(), event(35.0844, -106.6504, 100, start, 3));
    assertThat(buyBust.getHitsList()).isEmpty();

    // ~300 m east, starting an hour later.
    var warrant =
        registerEvent(hsi(), event(35.0844, -106.6471, 100, start.plus(1, ChronoUnit.HOURS), 2));

    assertThat(warrant.getHitsList())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.getKind())
              .isEqualTo(org.taskforce.api.deconfliction.v1.ConflictKind.CONFLICT_KIND_EVENT);
          assertThat(h.getDeadline()).isEqualTo(ProtoMapping.timestamp(start));
          assertThat(h.getDistanceMeters()).isBetween(250.0, 350.0);
          assertThat(h.getConflictId()).isNotBlank();
        });
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(APD))
        .singleElement()
        .satisfies(n ->
            assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_EVENT_CONFLICT));
    assertThat(NOTIFICATIONS.publishedTo(HSI))
        .singleElement()
        .satisfies(n -> {
          // Deconfliction escalates the conflict itself (README, Escalation): the deadline is
          // said in the text, not handed to notification-service to escalate a second time.
          assertThat(n.getRequiresAcknowledgement()).isTrue();
          assertThat(n.hasAcknowledgeDeadline()).isFalse();
          assertThat(n.getBody()).contains("Acknowledge the conflict by " + start);
        });

    // 2 km away: no conflict.
    var far = registerEvent(fbi(), event(35.1024, -106.6504, 100, start, 3));
    assertThat(far.getHitsList()).isEmpty();
  }

  @Test
  void checkWithoutPurpose_isRefusedWithAFieldViolation() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(hsi())
                    .checkBeforeActing(
                        CheckBeforeActingRequest.newBuilder()
                            .addSelectors(phone("5055550177"))
                            .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(e)).containsKey("purpose");
  }

  @Test
  void victimServiceProviders_takeNoPartInDeconfliction() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(victimAdvocate())
                    .checkBeforeActing(
                        CheckBeforeActingRequest.newBuilder()
                            .addSelectors(phone("5055550177"))
                            .setPurpose("x")
                            .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }
}
