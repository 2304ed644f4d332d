package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.Severity;
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

  private static PublishNotificationRequest published() {
    return PublishNotificationRequest.newBuilder()
        .setEventId("fuzz-e-1")
        .addRecipients(Recipient.newBuilder().setAgencyId("apd"))
        .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
        .setSeverity(Severity.SEVERITY_WARNING)
        .setTitle("Target conflict")
        .setBody("Another agency registered the same phone.")
        .setResource("conflicts/c-1")
        .putAttributes("conflict_id", "c-1")
        .build();
  }

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
            // Valid requests, each sent again with one text field (attribute keys too) made
            // hostile.
            .withExamples(
                published(),
                BatchPublishNotificationsRequest.newBuilder()
                    .addRequests(published())
                    .addRequests(published().toBuilder().setEventId("fuzz-e-2"))
                    .build(),
                CreateWebhookSubscriptionRequest.newBuilder()
                    .setSubscription(
                        hook("https://203.0.113.7/hook", "s3cret-shared-with-the-county")
                            .addKinds(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT))
                    .setRequestId("fuzz-hook-1")
                    .build(),
                ListNotificationsRequest.newBuilder().setPageSize(5).build())
            .run(
                RpcFuzzer.descriptorOf(NotificationServiceGrpc.getServiceDescriptor()),
                callers,
                RpcFuzzer.casesPerMethod(30),
                RpcFuzzer.digestOf(database, Set.of()));

    assertThat(report.findings()).isEmpty();
  }
}
