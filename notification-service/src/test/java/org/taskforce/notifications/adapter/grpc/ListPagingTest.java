package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesRequest;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesResponse;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsRequest;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsResponse;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.WebhookDelivery;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Every list RPC walked page by page (sizes 1, 7 and 100) over a few hundred items gives exactly
 * the full list: nothing lost, nothing twice, every page full but the last.
 */
@TestPropertySource(properties = {"taskforce.notifications.webhooks.enabled=false"})
class ListPagingTest extends NotificationTestBase {
  static final String INVESTIGATOR = user("bcso", "investigator");

  /**
   * 260 notifications for BCSO: to the agency, to investigators, to commanders and to another user;
   * the investigator sees the first two kinds only. Returns what the investigator sees, newest
   * first.
   */
  List<String> publishMixed() {
    List<String> visible = new ArrayList<>();
    for (int batch = 0; batch < 4; batch++) {
      BatchPublishNotificationsRequest.Builder b = BatchPublishNotificationsRequest.newBuilder();
      for (int i = 0; i < 65; i++) {
        int n = batch * 65 + i;
        Recipient.Builder to = Recipient.newBuilder().setAgencyId("bcso");
        switch (n % 4) {
          case 1 -> to.setRole("investigator");
          case 2 -> to.setRole("commander");
          case 3 -> to.setUserSubject("someone-else");
          default -> {}
        }
        b.addRequests(
            PublishNotificationRequest.newBuilder()
                .setEventId("e-" + n)
                .addRecipients(to)
                .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
                .setTitle("conflict " + n));
        if (n % 4 < 2) {
          visible.add("conflict " + n);
        }
      }
      as(service()).batchPublishNotifications(b.build());
    }
    return visible.reversed();
  }

  /** Walks a list to its end; checks that every page but the last is full. */
  static <R, T> List<T> walk(
      int pageSize,
      Function<String, R> call,
      Function<R, List<T>> items,
      Function<R, String> next) {
    List<T> all = new ArrayList<>();
    String token = "";
    for (int pages = 0; pages < 10_000; pages++) {
      R page = call.apply(token);
      token = next.apply(page);
      if (!token.isEmpty()) {
        assertThat(items.apply(page)).as("a page before the last is full").hasSize(pageSize);
      } else {
        assertThat(items.apply(page).size()).isLessThanOrEqualTo(pageSize);
      }
      all.addAll(items.apply(page));
      if (token.isEmpty()) {
        return all;
      }
    }
    throw new AssertionError("the list never ended");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100})
  void listNotifications_pagesExactly(int pageSize) {
    List<String> expected = publishMixed();
    assertThat(expected).hasSize(130);
    List<Notification> walked =
        walk(
            pageSize,
            token ->
                as(INVESTIGATOR)
                    .listNotifications(
                        ListNotificationsRequest.newBuilder()
                            .setPageSize(pageSize)
                            .setPageToken(token)
                            .build()),
            ListNotificationsResponse::getNotificationsList,
            ListNotificationsResponse::getNextPageToken);
    assertThat(walked.stream().map(Notification::getTitle).toList())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void listNotifications_aHundredAndFortyFiveInPagesOfAHundred_isAHundredThenFortyFive() {
    BatchPublishNotificationsRequest.Builder b = BatchPublishNotificationsRequest.newBuilder();
    for (int n = 0; n < 145; n++) {
      b.addRequests(
          PublishNotificationRequest.newBuilder()
              .setEventId("e-" + n)
              .addRecipients(Recipient.newBuilder().setAgencyId("bcso"))
              .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
              .setTitle("conflict " + n));
    }
    as(service()).batchPublishNotifications(b.build());
    ListNotificationsResponse first =
        as(INVESTIGATOR)
            .listNotifications(ListNotificationsRequest.newBuilder().setPageSize(100).build());
    assertThat(first.getNotificationsList()).hasSize(100);
    assertThat(first.getNextPageToken()).isNotEmpty();
    ListNotificationsResponse second =
        as(INVESTIGATOR)
            .listNotifications(
                ListNotificationsRequest.newBuilder()
                    .setPageSize(100)
                    .setPageToken(first.getNextPageToken())
                    .build());
    assertThat(second.getNotificationsList()).hasSize(45);
    assertThat(second.getNextPageToken()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100})
  void listWebhookSubscriptions_pagesExactly(int pageSize) {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 210; i++) {
      created.add(
          as(admin())
              .createWebhookSubscription(
                  creation(
                      hook("https://203.0.113.7/hook/" + i, "s3cret-shared-with-the-county")
                          .setEnabled(true)))
              .getSubscription()
              .getSubscriptionId());
    }
    List<WebhookSubscription> walked =
        walk(
            pageSize,
            token ->
                as(admin())
                    .listWebhookSubscriptions(
                        ListWebhookSubscriptionsRequest.newBuilder()
                            .setPageSize(pageSize)
                            .setPageToken(token)
                            .build()),
            ListWebhookSubscriptionsResponse::getSubscriptionsList,
            ListWebhookSubscriptionsResponse::getNextPageToken);
    assertThat(walked.stream().map(WebhookSubscription::getSubscriptionId).toList())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(created);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100})
  void listWebhookDeliveries_pagesExactly(int pageSize) {
    WebhookSubscription hook =
        as(admin())
            .createWebhookSubscription(
                creation(
                    hook("https://203.0.113.7/hook", "s3cret-shared-with-the-county")
                        .setEnabled(true)))
            .getSubscription();
    List<String> expected = publishMixed();
    // A webhook receives everything for its agency, whoever it is addressed to.
    assertThat(database.getCollection("webhook_deliveries").countDocuments()).isEqualTo(260);
    List<WebhookDelivery> walked =
        walk(
            pageSize,
            token ->
                as(admin())
                    .listWebhookDeliveries(
                        ListWebhookDeliveriesRequest.newBuilder()
                            .setSubscriptionId(hook.getSubscriptionId())
                            .setPageSize(pageSize)
                            .setPageToken(token)
                            .build()),
            ListWebhookDeliveriesResponse::getDeliveriesList,
            ListWebhookDeliveriesResponse::getNextPageToken);
    assertThat(walked).hasSize(260);
    assertThat(walked.stream().map(WebhookDelivery::getNotificationId).toList())
        .doesNotHaveDuplicates();
    assertThat(expected).isNotEmpty();
  }

  @Test
  void malformedOrForeignPageTokens_andNegativeSizes_areInvalidArgument() {
    publishMixed();
    String token =
        as(INVESTIGATOR)
            .listNotifications(ListNotificationsRequest.newBuilder().setPageSize(5).build())
            .getNextPageToken();
    assertThat(token).isNotEmpty();
    for (ListNotificationsRequest bad :
        List.of(
            ListNotificationsRequest.newBuilder().setPageToken("12").build(),
            ListNotificationsRequest.newBuilder().setPageToken("not base64 !").build(),
            ListNotificationsRequest.newBuilder().setPageToken("x".repeat(10_000)).build(),
            // another query's token: the filters differ
            ListNotificationsRequest.newBuilder().setPageToken(token).setUnreadOnly(true).build(),
            ListNotificationsRequest.newBuilder().setPageSize(-1).build())) {
      var refused = refusal(() -> as(INVESTIGATOR).listNotifications(bad));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(refused))
          .containsAnyOf(
              org.assertj.core.api.Assertions.entry(
                  "page_token",
                  "is not a page token of this list: send the next_page_token of the previous"
                      + " page of the same query, or none for the first page"),
              org.assertj.core.api.Assertions.entry("page_size", "must not be negative"));
    }
    // another caller's token
    var foreign =
        refusal(() ->
            as(user("bcso", "investigator", "commander"))
                .listNotifications(
                    ListNotificationsRequest.newBuilder().setPageToken(token).build()));
    assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    // a token of another list
    var otherList =
        refusal(() ->
            as(admin())
                .listWebhookSubscriptions(
                    ListWebhookSubscriptionsRequest.newBuilder().setPageToken(token).build()));
    assertThat(otherList.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var deliveries =
        refusal(() ->
            as(admin())
                .listWebhookDeliveries(
                    ListWebhookDeliveriesRequest.newBuilder()
                        .setSubscriptionId("wh-1")
                        .setPageToken("17")
                        .build()));
    assertThat(deliveries.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }
}
