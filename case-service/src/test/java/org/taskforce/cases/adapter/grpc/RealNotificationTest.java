package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.notifications.NotificationServiceApplication;
import org.taskforce.platform.testing.RealNotifications;

/**
 * case-service's notices delivered to the real notification-service, run in-process (not {@link
 * org.taskforce.platform.testing.FakeNotificationService}): the invited agency finds the invitation
 * in its inbox, and a notice of a change stored just before a crash arrives once.
 */
class RealNotificationTest extends CaseTestBase {
  /** The real notification-service on a free port, with its own in-memory database. */
  static String realAddress() {
    return RealNotifications.address(NotificationServiceApplication.class, REALM.issuer(), AGO);
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

    thrownBy(() -> changeStatus(ago(), c, CaseStatus.CASE_STATUS_ACTIVE));
    afterCrash();
    afterCrash();

    assertThat(inbox(hsi()))
        .filteredOn(n -> n.getTitle().equals("Case " + c.getCaseNumber() + " is now ACTIVE"))
        .hasSize(1);
  }

  private List<Notification> inbox(String token) {
    return RealNotifications.inbox(realAddress(), token);
  }
}
