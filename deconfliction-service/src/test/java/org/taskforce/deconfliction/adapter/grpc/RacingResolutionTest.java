package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.deconfliction.application.ConflictStore;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.NoticeOutbox;
import org.taskforce.platform.outbox.Outbox;

/**
 * Two sides resolving one conflict at once prepare their resolution alerts under the same ids, and
 * the outbox keeps the first payload: what is released must be the winner's wording, whether the
 * winner releases it or dies after storing its resolution and the loser does.
 */
class RacingResolutionTest extends DeconflictionTestBase {
  @Autowired ConflictStore conflicts;

  private String acknowledgedConflict() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0171"));
    String id =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0171"))
            .getHits(0)
            .getConflictId();
    for (String token : List.of(apd(), hsi())) {
      as(token)
          .acknowledgeConflict(AcknowledgeConflictRequest.newBuilder().setConflictId(id).build());
    }
    return id;
  }

  /** What the loser (APD, resolving as CANCEL) prepared first, for each side. */
  private void loserPreparedFirst(String conflictId) {
    NoticeOutbox outbox = new NoticeOutbox(new Outbox(database, Clock.systemUTC()));
    for (String agency : List.of(APD, HSI)) {
      outbox.prepare(
          Notice.of(
              "deconfliction:conflict-resolved:" + conflictId + ":" + agency,
              "TARGET_CONFLICT",
              "INFO",
              List.of(Notice.Recipient.agency(agency)),
              "Conflict resolved: cancel",
              "LOSER'S WORDING: CANCEL — the loser's note",
              "conflicts/" + conflictId + "/resolution",
              Map.of()));
    }
  }

  private PublishNotificationRequest resolutionTo(String agency, String conflictId) {
    return NOTIFICATIONS.publishedTo(agency).stream()
        .filter(n ->
            n.getEventId().equals("deconfliction:conflict-resolved:" + conflictId + ":" + agency))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theWinnerReleasesItsOwnWording_notThePayloadTheLoserPreparedFirst() {
    String id = acknowledgedConflict();
    long version = conflicts.find(id).orElseThrow().version();
    loserPreparedFirst(id);

    as(hsi())
        .resolveConflict(
            ResolveConflictRequest.newBuilder()
                .setConflictId(id)
                .setResolution(ConflictResolution.CONFLICT_RESOLUTION_JOINT_OPERATION)
                .setNote("winner's note")
                .setEtag(Etags.of(version))
                .build());
    drainOutbox();

    for (String agency : List.of(APD, HSI)) {
      PublishNotificationRequest n = resolutionTo(agency, id);
      assertThat(n.getTitle()).isEqualTo("Conflict resolved: joint operation");
      assertThat(n.getBody()).contains("winner's note").doesNotContain("LOSER");
    }
  }

  @Test
  void whenTheWinnerDiedAfterStoringItsResolution_theLoserReleasesTheWinnersWording() {
    String id = acknowledgedConflict();
    Conflict c = conflicts.find(id).orElseThrow();
    loserPreparedFirst(id);
    // The winner (HSI) stored its resolution and died before releasing its alerts.
    Conflict won =
        new Conflict(
            c.id(),
            c.kind(),
            c.tier(),
            c.score(),
            c.reasons(),
            Conflict.Status.RESOLVED,
            c.sides(),
            c.deadline(),
            Conflict.Resolution.JOINT_OPERATION,
            "winner's note",
            new Stamp("hsi-user", "HSI investigator", HSI, Instant.now()),
            c.createTime(),
            c.escalated(),
            c.version() + 1);
    assertThat(conflicts.replace(won, c.version())).isTrue();

    var lost =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(apd())
                    .resolveConflict(
                        ResolveConflictRequest.newBuilder()
                            .setConflictId(id)
                            .setResolution(ConflictResolution.CONFLICT_RESOLUTION_CANCEL)
                            .setNote("the loser's note")
                            .setEtag(Etags.of(c.version()))
                            .build()));
    assertThat(lost.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    drainOutbox();

    for (String agency : List.of(APD, HSI)) {
      PublishNotificationRequest n = resolutionTo(agency, id);
      assertThat(n.getTitle()).isEqualTo("Conflict resolved: joint operation");
      assertThat(n.getBody()).contains("winner's note").doesNotContain("LOSER");
    }
  }
}
