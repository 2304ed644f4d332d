package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.deconfliction.application.ConflictEscalation;
import org.taskforce.platform.testing.ErrorDetails;

/** Issue 20 items 2 (escalated) and 4 (resolution: both sides told; the acknowledgement rule). */
class ResolutionAndEscalationTest extends DeconflictionTestBase {
  @Autowired ConflictEscalation escalation;

  private ResolveConflictRequest resolve(String id, String etag) {
    return ResolveConflictRequest.newBuilder()
        .setConflictId(id)
        .setResolution(ConflictResolution.CONFLICT_RESOLUTION_JOINT_OPERATION)
        .setNote("joint op on Friday")
        .setEtag(etag)
        .build();
  }

  @Test
  void aSideResolvesOnlyOnceTheOtherHasAcknowledged_andBothSidesAreTold() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    var hit =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142")).getHits(0);
    String id = hit.getConflictId();
    String etag =
        as(hsi())
            .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict()
            .getEtag();

    StatusRuntimeException early =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> as(hsi()).resolveConflict(resolve(id, etag)));
    assertThat(early.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ErrorDetails.reason(early)).isEqualTo("OTHER_SIDE_NOT_ACKNOWLEDGED");

    var acked =
        as(apd())
            .acknowledgeConflict(AcknowledgeConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    var resolved = as(hsi()).resolveConflict(resolve(id, acked.getEtag())).getConflict();
    assertThat(resolved.getSidesList()).allSatisfy(s -> assertThat(s.hasAcknowledged()).isTrue());

    drainOutbox();
    for (String agency : java.util.List.of(APD, HSI)) {
      assertThat(NOTIFICATIONS.publishedTo(agency))
          .as(agency)
          .filteredOn(n -> n.getTitle().startsWith("Conflict resolved"))
          .singleElement()
          .satisfies(n ->
              assertThat(n.getBody()).contains("JOINT_OPERATION").contains("joint op on Friday"));
    }
  }

  @Test
  void theOwnerOfARestrictedSide_resolvesAlone_andTheSideThatWasToldNothingIsToldNothing() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0142"));
    register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    var conflict =
        as(apd())
            .listConflicts(
                org.taskforce.api.deconfliction.v1.ListConflictsRequest.getDefaultInstance())
            .getConflicts(0);

    as(apd()).resolveConflict(resolve(conflict.getConflictId(), conflict.getEtag()));

    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(HSI)).isEmpty();
    assertThat(NOTIFICATIONS.publishedTo(APD))
        .filteredOn(n -> n.getTitle().startsWith("Conflict resolved"))
        .hasSize(1);
  }

  @Test
  void aConflictUnacknowledgedNearItsDeadline_isEscalatedOnce_andMarkedEscalated() {
    Instant soon = Instant.now().plus(30, ChronoUnit.MINUTES);
    registerEvent(apd(), event(35.0844, -106.6504, 100, soon, 2));
    String id =
        registerEvent(hsi(), event(35.0844, -106.6504, 100, soon, 2)).getHits(0).getConflictId();
    as(apd())
        .acknowledgeConflict(AcknowledgeConflictRequest.newBuilder().setConflictId(id).build());

    escalation.run();
    escalation.run();

    var conflict =
        as(hsi())
            .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    assertThat(conflict.getEscalated()).isTrue();
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo("nm-ago"))
        .filteredOn(n -> n.getKind() == NotificationKind.NOTIFICATION_KIND_ESCALATION)
        .singleElement()
        .satisfies(n -> assertThat(n.getBody()).startsWith("HSI Albuquerque had not acknowledged"));
  }
}
