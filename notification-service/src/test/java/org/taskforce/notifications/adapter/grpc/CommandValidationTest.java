package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * A request with bad fields both in what the adapter decodes (enum numbers, the update mask) and in
 * what the command checks itself (request id, etag) hears of all of them in one answer.
 */
@TestPropertySource(properties = {"taskforce.notifications.webhooks.enabled=false"})
class CommandValidationTest extends NotificationTestBase {
  static final String SECRET = "s3cret-shared-with-the-county";

  @Test
  void aCreateWithAnUnknownKindAndAnOverlongRequestId_namesBoth_andStoresNothing() {
    var refused =
        refusal(() ->
            as(admin())
                .createWebhookSubscription(
                    CreateWebhookSubscriptionRequest.newBuilder()
                        .setSubscription(
                            WebhookSubscription.newBuilder()
                                .setUrl("https://rms.bcso.example.gov/hook")
                                .setSecret(SECRET)
                                .addKindsValue(999))
                        .setRequestId("r".repeat(129))
                        .build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(refused))
        .containsKeys("subscription.kinds[0]", "request_id");
    assertThat(database.getCollection("webhooks").countDocuments()).isZero();
  }

  @Test
  void anUpdateWithAPathItCannotChangeAndNoEtag_namesBoth() {
    var refused =
        refusal(() ->
            as(admin())
                .updateWebhookSubscription(
                    UpdateWebhookSubscriptionRequest.newBuilder()
                        .setSubscription(WebhookSubscription.newBuilder().setSubscriptionId("wh-1"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("agency_id"))
                        .build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(refused))
        .containsKeys("update_mask", "subscription.etag")
        .containsEntry(
            "update_mask",
            "\"agency_id\" cannot be changed; updatable: url, secret, kinds, enabled");
  }
}
