package org.taskforce.notifications.adapter.grpc;

import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationRequest;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationResponse;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsResponse;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.DeleteWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.GetWebhookSubscriptionResponse;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesRequest;
import org.taskforce.api.notifications.v1.ListWebhookDeliveriesResponse;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsRequest;
import org.taskforce.api.notifications.v1.ListWebhookSubscriptionsResponse;
import org.taskforce.api.notifications.v1.MarkNotificationReadRequest;
import org.taskforce.api.notifications.v1.MarkNotificationReadResponse;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.PublishNotificationResponse;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryRequest;
import org.taskforce.api.notifications.v1.RedeliverWebhookDeliveryResponse;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionResponse;

/**
 * The NotificationService contract, routed by resource: publishing ({@link PublishingRpcs}), the
 * inbox ({@link InboxRpcs}), streams ({@link StreamRpcs}), webhook subscriptions ({@link
 * WebhookSubscriptionRpcs}) and their deliveries ({@link WebhookDeliveryRpcs}). Nothing happens
 * here but the routing: each of those decodes the request, runs one use case and encodes its
 * result.
 */
public final class NotificationGrpcService
    extends NotificationServiceGrpc.NotificationServiceImplBase {
  private final PublishingRpcs publishing;
  private final InboxRpcs inbox;
  private final StreamRpcs streams;
  private final WebhookSubscriptionRpcs subscriptions;
  private final WebhookDeliveryRpcs deliveries;

  public NotificationGrpcService(
      PublishingRpcs publishing,
      InboxRpcs inbox,
      StreamRpcs streams,
      WebhookSubscriptionRpcs subscriptions,
      WebhookDeliveryRpcs deliveries) {
    this.publishing = publishing;
    this.inbox = inbox;
    this.streams = streams;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
  }

  @Override
  public void publishNotification(
      PublishNotificationRequest request, StreamObserver<PublishNotificationResponse> observer) {
    answer(observer, () -> publishing.publish(request));
  }

  @Override
  public void batchPublishNotifications(
      BatchPublishNotificationsRequest request,
      StreamObserver<BatchPublishNotificationsResponse> observer) {
    answer(observer, () -> publishing.batchPublish(request));
  }

  @Override
  public void listNotifications(
      ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> observer) {
    answer(observer, () -> inbox.list(request));
  }

  @Override
  public void markNotificationRead(
      MarkNotificationReadRequest request, StreamObserver<MarkNotificationReadResponse> observer) {
    answer(observer, () -> inbox.markRead(request));
  }

  @Override
  public void acknowledgeNotification(
      AcknowledgeNotificationRequest request,
      StreamObserver<AcknowledgeNotificationResponse> observer) {
    answer(observer, () -> inbox.acknowledge(request));
  }

  @Override
  public void getWebhookSubscription(
      GetWebhookSubscriptionRequest request,
      StreamObserver<GetWebhookSubscriptionResponse> observer) {
    answer(observer, () -> subscriptions.get(request));
  }

  @Override
  public void listWebhookSubscriptions(
      ListWebhookSubscriptionsRequest request,
      StreamObserver<ListWebhookSubscriptionsResponse> observer) {
    answer(observer, () -> subscriptions.list(request));
  }

  @Override
  public void createWebhookSubscription(
      CreateWebhookSubscriptionRequest request,
      StreamObserver<CreateWebhookSubscriptionResponse> observer) {
    answer(observer, () -> subscriptions.create(request));
  }

  @Override
  public void updateWebhookSubscription(
      UpdateWebhookSubscriptionRequest request,
      StreamObserver<UpdateWebhookSubscriptionResponse> observer) {
    answer(observer, () -> subscriptions.update(request));
  }

  @Override
  public void deleteWebhookSubscription(
      DeleteWebhookSubscriptionRequest request,
      StreamObserver<DeleteWebhookSubscriptionResponse> observer) {
    answer(observer, () -> subscriptions.delete(request));
  }

  @Override
  public void listWebhookDeliveries(
      ListWebhookDeliveriesRequest request,
      StreamObserver<ListWebhookDeliveriesResponse> observer) {
    answer(observer, () -> deliveries.list(request));
  }

  @Override
  public void redeliverWebhookDelivery(
      RedeliverWebhookDeliveryRequest request,
      StreamObserver<RedeliverWebhookDeliveryResponse> observer) {
    answer(observer, () -> deliveries.redeliver(request));
  }

  @Override
  public void subscribeNotifications(
      SubscribeNotificationsRequest request,
      StreamObserver<SubscribeNotificationsResponse> observer) {
    streams.subscribe(request, observer);
  }
}
