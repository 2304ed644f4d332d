package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.RpcFuzzer;

/**
 * Every RPC of notification-service called with generated and boundary messages by every kind of
 * caller: never INTERNAL/UNKNOWN, and a refused call leaves the database as it was.
 */
@TestPropertySource(
    properties = {
      "taskforce.notifications.stream-poll-interval=50ms",
      "taskforce.notifications.webhooks.enabled=false"
    })
class NotificationFuzzTest extends NotificationTestBase {

  @Test
  void generatedAndBoundaryMessages_neverInternal_andRefusalsStoreNothing() {
    List<RpcFuzzer.Caller> callers =
        List.of(
            new RpcFuzzer.Caller("publishing service", BearerCredentials.of(service())),
            new RpcFuzzer.Caller("investigator", BearerCredentials.of(user("apd", "investigator"))),
            new RpcFuzzer.Caller("agency admin", BearerCredentials.of(admin())),
            new RpcFuzzer.Caller("no token", null));

    RpcFuzzer.Report report =
        new RpcFuzzer(channel, RpcFuzzer.seed())
            .run(
                RpcFuzzer.descriptorOf(NotificationServiceGrpc.getServiceDescriptor()),
                callers,
                RpcFuzzer.casesPerMethod(30),
                RpcFuzzer.digestOf(database, Set.of()));

    assertThat(report.findings()).isEmpty();
  }
}
