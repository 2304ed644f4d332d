package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.notifications.NotificationServiceApplication;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.InProcessPeer;

/**
 * case-service's notices delivered to the real notification-service, run in-process (not {@link
 * org.taskforce.platform.testing.FakeNotificationService}): the invited agency finds the invitation
 * in its inbox, and a notice of a change stored just before a crash arrives once.
 */
class RealNotificationTest extends CaseTestBase {
  /** The real notification-service on a free port, with its own in-memory database. */
  static String realAddress() {
    return InProcessPeer.address(
        NotificationServiceApplication.class,
        "notification-service",
        "notifications",
        REALM.issuer(),
        () ->
            Map.of(
                "taskforce.notifications.watch-agency-id",
                AGO,
                "taskforce.notifications.escalation-enabled",
                "false"));
  }

  /** A channel of its own: the base class points the usual one at the fake. */
  @DynamicPropertySource
  static void realPeer(DynamicPropertyRegistry registry) {
    registry.add("taskforce.cases.notifications.channel", () -> "real-notifications");
    registry.add(
        "spring.grpc.client.channels.real-notifications.address",
        RealNotificationTest::realAddress);
  }

  @Test
  void theInvitedAgencyFindsTheInvitationInItsInbox() {
    Case c = createCase(ago(), "Operation Red Mesa");
    invite(c, NNPD, ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);

    drainOutbox();

    assertThat(inbox(investigator(NNPD, "TRIBAL")))
        .filteredOn(n -> n.getKind() == NotificationKind.NOTIFICATION_KIND_CASE_SHARED)
        .singleElement()
        .satisfies(n -> {
          assertThat(n.getResource()).isEqualTo("cases/" + c.getCaseId());
          assertThat(n.getTitle()).contains(c.getCaseNumber());
        });
  }

  @Test
  void aStatusChangeStoredJustBeforeACrash_isInTheInboxOnce() {
    Case c = jointCase();
    drainOutbox();
    crashes.crashAt("change.written");

    catchThrowableOfType(
        StatusRuntimeException.class,
        () ->
            as(ago())
                .changeCaseStatus(
                    ChangeCaseStatusRequest.newBuilder()
                        .setCaseId(c.getCaseId())
                        .setStatus(CaseStatus.CASE_STATUS_ACTIVE)
                        .setEtag(c.getEtag())
                        .build()));
    afterCrash();
    afterCrash();

    assertThat(inbox(hsi()))
        .filteredOn(n -> n.getTitle().equals("Case " + c.getCaseNumber() + " is now ACTIVE"))
        .hasSize(1);
  }

  private List<Notification> inbox(String token) {
    return InProcessPeer.call(
        realAddress(),
        channel ->
            NotificationServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerCredentials.of(token))
                .listNotifications(ListNotificationsRequest.newBuilder().setPageSize(100).build())
                .getNotificationsList());
  }
}
