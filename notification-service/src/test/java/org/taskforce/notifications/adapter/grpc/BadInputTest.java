package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationRequest;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesRequest;
import org.taskforce.api.notifications.v1.MarkNotificationReadRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.WebhookHealth;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Bad input is INVALID_ARGUMENT with a field violation and stores nothing; never INTERNAL. Who may
 * call is decided before the body is looked at.
 */
@TestPropertySource(properties = {"taskforce.notifications.webhooks.enabled=false"})
class BadInputTest extends NotificationTestBase {
  static final String SECRET = "s3cret-shared-with-the-county";

  PublishNotificationRequest.Builder valid() {
    return PublishNotificationRequest.newBuilder()
        .setEventId("e-1")
        .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
        .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
        .setTitle("Target conflict");
  }

  static StatusRuntimeException refused(Runnable call) {
    return refusal(call::run);
  }

  long stored() {
    return COLLECTIONS.stream().mapToLong(c -> database.getCollection(c).countDocuments()).sum();
  }

  @Test
  void publishingWithoutTheServiceRole_isPermissionDenied_whateverTheBodyHolds() {
    for (PublishNotificationRequest body :
        List.of(
            valid().setKindValue(999).build(),
            valid().setSeverityValue(-3).build(),
            valid().setEventId("e".repeat(100_000)).build(),
            PublishNotificationRequest.getDefaultInstance())) {
      var e = refused(() -> as(user("bcso", "investigator", "admin")).publishNotification(body));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      var batch =
          refused(() ->
              as(user("bcso", "investigator"))
                  .batchPublishNotifications(
                      BatchPublishNotificationsRequest.newBuilder().addRequests(body).build()));
      assertThat(batch.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }
    assertThat(stored()).isZero();
  }

  /**
   * Attribute keys become field names in the stored document: a key that cannot be one (NUL ends a
   * BSON field name; "$" and "." are operators and paths) is refused up front, never an INTERNAL
   * from the store; text with NUL elsewhere is ordinary text.
   */
  @Test
  void attributeKeysThatCannotBeStoredAsFieldNames_areInvalidArgument_andStoreNothing() {
    for (String key : List.of("a\u0000b", "$where", "a.b", "", "\u0000")) {
      for (Runnable call :
          List.<Runnable>of(
              () -> as(service()).publishNotification(valid().putAttributes(key, "v").build()),
              () ->
                  as(service())
                      .batchPublishNotifications(
                          BatchPublishNotificationsRequest.newBuilder()
                              .addRequests(valid().putAttributes(key, "v"))
                              .build()))) {
        var e = refused(call);
        assertThat(e).as("key %s", key.replace("\u0000", "\\0")).isNotNull();
        assertThat(e.getStatus().getCode())
            .as("key %s", key.replace("\u0000", "\\0"))
            .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(ErrorDetails.violations(e).keySet())
            .anySatisfy(field -> assertThat(field).contains("attributes"));
      }
    }
    assertThat(stored()).isZero();

    as(service())
        .publishNotification(
            valid()
                .setTitle("a\u0000b")
                .setBody("x\u0000y")
                .putAttributes("case_number", "2026-\u0000-7")
                .putAttributes("conflict-id", "$where")
                .build());
    var listed =
        as(user("bcso", "investigator"))
            .listNotifications(ListNotificationsRequest.getDefaultInstance())
            .getNotificationsList();
    assertThat(listed).singleElement();
    assertThat(listed.getFirst().getTitle()).isEqualTo("a\u0000b");
    assertThat(listed.getFirst().getAttributesMap())
        .containsEntry("case_number", "2026-\u0000-7")
        .containsEntry("conflict-id", "$where");
  }

  @Test
  void unknownEnumNumbers_areInvalidArgument_neverInternal() {
    Map<String, Runnable> calls =
        Map.of(
            "kind",
            () -> as(service()).publishNotification(valid().setKindValue(999).build()),
            "severity",
            () -> as(service()).publishNotification(valid().setSeverityValue(42).build()),
            "requests[0].kind",
            () ->
                as(service())
                    .batchPublishNotifications(
                        BatchPublishNotificationsRequest.newBuilder()
                            .addRequests(valid().setKindValue(77))
                            .build()),
            "kinds[0]",
            () ->
                as(user("bcso", "investigator"))
                    .listNotifications(
                        ListNotificationsRequest.newBuilder().addKindsValue(99).build()),
            "subscription.kinds[0]",
            () ->
                as(admin())
                    .createWebhookSubscription(
                        creation(hook("https://203.0.113.7/hook", SECRET).addKindsValue(1234))),
            "statuses[0]",
            () ->
                as(admin())
                    .listWebhookDeliveries(
                        ListWebhookDeliveriesRequest.newBuilder()
                            .setSubscriptionId("wh-x")
                            .addStatusesValue(66)
                            .build()));
    calls.forEach((field, call) -> {
      var e = refused(call);
      assertThat(e.getStatus().getCode()).as(field).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(e)).as(field).containsKey(field);
    });
    var stream =
        refused(() ->
            as(user("bcso", "investigator"))
                .subscribeNotifications(
                    SubscribeNotificationsRequest.newBuilder().addKindsValue(500).build())
                .hasNext());
    assertThat(stream.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(stored()).isZero();
  }

  @Test
  void everyFieldHasABound_overItIsAFieldViolation_andNothingIsStored() {
    Map<String, PublishNotificationRequest> over =
        Map.of(
            "event_id", valid().setEventId("e".repeat(129)).build(),
            "title", valid().setTitle("t".repeat(201)).build(),
            "body", valid().setBody("b".repeat(4_001)).build(),
            "resource", valid().setResource("r".repeat(513)).build(),
            "recipients[0].agency_id",
                valid()
                    .setRecipients(0, Recipient.newBuilder().setAgencyId("a".repeat(129)))
                    .build(),
            "recipients",
                valid()
                    .addAllRecipients(
                        java.util.Collections.nCopies(
                            100, Recipient.newBuilder().setAgencyId("bcso").build()))
                    .build(),
            "attributes", valid().putAttributes("k".repeat(65), "v").build());
    over.forEach((field, request) -> {
      var e = refused(() -> as(service()).publishNotification(request));
      assertThat(e.getStatus().getCode()).as(field).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(e)).as(field).containsKey(field);
    });
    String investigator = user("bcso", "investigator");
    var id =
        refused(() ->
            as(investigator)
                .markNotificationRead(
                    MarkNotificationReadRequest.newBuilder()
                        .setNotificationId("n".repeat(129))
                        .build()));
    assertThat(ErrorDetails.violations(id)).containsKey("notification_id");
    var note =
        refused(() ->
            as(investigator)
                .acknowledgeNotification(
                    AcknowledgeNotificationRequest.newBuilder()
                        .setNotificationId("n-1")
                        .setNote("x".repeat(1_001))
                        .build()));
    assertThat(ErrorDetails.violations(note)).containsKey("note");
    WebhookSubscription.Builder tooLong =
        WebhookSubscription.newBuilder()
            .setUrl("https://203.0.113.7/" + "p".repeat(2_048))
            .setSecret("s".repeat(257));
    assertThat(ErrorDetails.violations(createRefused(tooLong, "r".repeat(129))))
        .containsKey("request_id");
    assertThat(ErrorDetails.violations(createRefused(tooLong, "")))
        .containsKeys("subscription.url", "subscription.secret");
    var cursor =
        refused(() ->
            as(investigator)
                .subscribeNotifications(
                    SubscribeNotificationsRequest.newBuilder()
                        .setAfterCursor("1".repeat(40))
                        .build())
                .hasNext());
    assertThat(ErrorDetails.violations(cursor)).containsKey("after_cursor");
    assertThat(stored()).isZero();
  }

  StatusRuntimeException createRefused(WebhookSubscription.Builder s, String requestId) {
    return refused(() ->
        as(admin())
            .createWebhookSubscription(
                CreateWebhookSubscriptionRequest.newBuilder()
                    .setSubscription(s)
                    .setRequestId(requestId)
                    .build()));
  }

  @Test
  void aSubscriptionCreatedDisabled_isStoredDisabled_andUpdatesCheckTheirMask() {
    WebhookSubscription created =
        as(admin())
            .createWebhookSubscription(
                creation(hook("https://203.0.113.7/hook", SECRET).setEnabled(false)))
            .getSubscription();
    assertThat(created.getEnabled()).isFalse();
    assertThat(created.getHealth()).isEqualTo(WebhookHealth.WEBHOOK_HEALTH_DISABLED);
    assertThat(database.getCollection("webhooks").find().first().getBoolean("enabled")).isFalse();

    var mask =
        refused(() ->
            as(admin())
                .updateWebhookSubscription(
                    UpdateWebhookSubscriptionRequest.newBuilder()
                        .setSubscription(created.toBuilder().setEnabled(true))
                        .setUpdateMask(
                            FieldMask.newBuilder()
                                .addAllPaths(java.util.Collections.nCopies(9, "enabled")))
                        .build()));
    assertThat(ErrorDetails.violations(mask)).containsKey("update_mask.paths");
  }
}
