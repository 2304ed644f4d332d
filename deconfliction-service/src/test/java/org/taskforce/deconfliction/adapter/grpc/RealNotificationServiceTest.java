package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.notifications.NotificationServiceApplication;
import org.taskforce.platform.testing.BearerCredentials;

/**
 * Issue 20 item 14: deconfliction's conflict alerts delivered through its outbox to the real
 * notification-service, run in-process (not {@link
 * org.taskforce.platform.testing.FakeNotificationService}), with deconfliction's own service token
 * as the real one demands: each side finds the conflict in its inbox, once. Part of the default
 * build: the peer's plain classes jar is a test dependency, its own tests are not run here.
 */
class RealNotificationServiceTest extends DeconflictionTestBase {
  private static ConfigurableApplicationContext real;

  /** The real notification-service on a free port, with its own in-memory database. */
  static synchronized String realAddress() {
    if (real == null) {
      Map<String, Object> p = new LinkedHashMap<>();
      // Not deconfliction-service's application.yaml, which comes first on this class path.
      p.put("spring.config.name", "real-notification-none");
      p.put("spring.application.name", "notification-service");
      p.put("spring.main.banner-mode", "off");
      p.put("spring.grpc.server.port", "0");
      p.put("spring.grpc.server.host", "127.0.0.1");
      p.put("taskforce.mongodb.embedded-backend", "MEMORY");
      p.put("taskforce.mongodb.database", "notifications");
      p.put("taskforce.security.issuer-uri", REALM.issuer());
      p.put("taskforce.notifications.watch-agency-id", "nm-ago");
      p.put("taskforce.notifications.escalation-enabled", "false");
      real =
          new SpringApplicationBuilder(NotificationServiceApplication.class)
              .web(WebApplicationType.NONE)
              .properties(p)
              .run();
    }
    return "static://127.0.0.1:" + real.getBean(GrpcServerLifecycle.class).getPort();
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
    ManagedChannel ch =
        NettyChannelBuilder.forTarget(realAddress().replace("static://", ""))
            .usePlaintext()
            .build();
    try {
      return NotificationServiceGrpc.newBlockingStub(ch)
          .withCallCredentials(BearerCredentials.of(token))
          .listNotifications(ListNotificationsRequest.newBuilder().setPageSize(100).build())
          .getNotificationsList();
    } finally {
      ch.shutdownNow();
    }
  }
}
