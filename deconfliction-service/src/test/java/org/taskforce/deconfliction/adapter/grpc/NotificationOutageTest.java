package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;

/** No conflict alert may be lost while notification-service is down. */
class NotificationOutageTest extends DeconflictionTestBase {

  @Test
  void conflictsRaisedWhileNotificationServiceIsDown_areDeliveredWhenItReturns_once() {
    NOTIFICATIONS.setDown(true);
    for (int i = 0; i < 5; i++) {
      String number = "505-555-02" + (10 + i);
      register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone(number));
      register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone(number));
    }
    for (int i = 0; i < 5; i++) {
      relay.relayOnce();
    }
    assertThat(NOTIFICATIONS.attempts()).isPositive();
    assertThat(NOTIFICATIONS.batchCalls()).as("the pending alerts were sent together").isPositive();
    assertThat(NOTIFICATIONS.published()).isEmpty();
    assertThat(database.getCollection("outbox").countDocuments()).isEqualTo(10);

    NOTIFICATIONS.setDown(false);
    drainOutbox();

    assertThat(database.getCollection("outbox").countDocuments()).isZero();
    assertThat(NOTIFICATIONS.publishedTo(APD)).hasSize(5);
    assertThat(NOTIFICATIONS.publishedTo(HSI)).hasSize(5);
  }
}
