package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.notifications.NotificationServiceApplication;
import org.taskforce.platform.testing.RealNotifications;

/**
 * Issue 20 item 14: deconfliction's conflict alerts delivered through its outbox to the real
 * notification-service, run in-process (not {@link
 * org.taskforce.platform.testing.FakeNotificationService}), with deconfliction's own service token
 * as the real one demands: each side finds the conflict in its inbox, once. Part of the default
 * build: the peer's plain classes jar is a test dependency, its own tests are not run here.
 */
class RealNotificationServiceTest extends DeconflictionTestBase {
  /** The real notification-service on a free port, with its own in-memory database. */
  static String realAddress() {
    return RealNotifications.address(
        NotificationServiceApplication.class, REALM.issuer(), "nm-ago");
  }

  /** A channel of its own (the base class points the usual one at the fake) and a service token. */
  @DynamicPropertySource
  static void realPeer(DynamicPropertyRegistry registry) {
    REALM.serviceClient("deconfliction-service", "taskforce", "STATE");
    registry.add("taskforce.security.client.client-id", () -> "deconfliction-service");
    registry.add("taskforce.security.client.client-secret", () -> "test-secret");
    registry.add("taskforce.deconfliction.notifications.channel", () -> "real-notifications");
    registry.add(
        "spring.grpc.client.channels.real-notifications.address",
        RealNotificationServiceTest::realAddress);
  }

  @Test
  void aTargetConflict_reachesBothAgenciesInboxesInTheRealService_once() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0377"));
    register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0377"));

    drainOutbox();
    drainOutbox(); // a second round must not deliver anything twice

    for (String token : List.of(apd(), hsi())) {
      assertThat(inbox(token))
          .filteredOn(n -> n.getKind() == NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
          .singleElement()
          .satisfies(n -> assertThat(n.getResource()).startsWith("conflicts/"));
    }
    assertThat(NOTIFICATIONS.published()).as("nothing went to the fake").isEmpty();
  }

  private List<Notification> inbox(String token) {
    return RealNotifications.inbox(realAddress(), token);
  }
}
