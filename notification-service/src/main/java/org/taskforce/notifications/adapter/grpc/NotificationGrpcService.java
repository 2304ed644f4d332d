package org.taskforce.notifications.adapter.grpc;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.platform.grpc.UnaryCalls;

/**
 * The NotificationService contract, routed by resource: publishing ({@link PublishingRpcs}), the
 * inbox ({@link InboxRpcs}), streams ({@link StreamRpcs}), webhook subscriptions ({@link
 * WebhookSubscriptionRpcs}) and their deliveries ({@link WebhookDeliveryRpcs}). Nothing happens
 * here but the routing: each of those decodes the request, runs one use case and encodes its
 * result.
 */
public final class NotificationGrpcService implements BindableService {
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
  public ServerServiceDefinition bindService() {
    return UnaryCalls.service(NotificationServiceGrpc.getServiceDescriptor())
        .route(NotificationServiceGrpc.getPublishNotificationMethod(), publishing::publish)
        .route(
            NotificationServiceGrpc.getBatchPublishNotificationsMethod(), publishing::batchPublish)
        .route(NotificationServiceGrpc.getListNotificationsMethod(), inbox::list)
        .route(NotificationServiceGrpc.getMarkNotificationReadMethod(), inbox::markRead)
        .route(NotificationServiceGrpc.getAcknowledgeNotificationMethod(), inbox::acknowledge)
        .route(NotificationServiceGrpc.getGetWebhookSubscriptionMethod(), subscriptions::get)
        .route(NotificationServiceGrpc.getListWebhookSubscriptionsMethod(), subscriptions::list)
        .route(NotificationServiceGrpc.getCreateWebhookSubscriptionMethod(), subscriptions::create)
        .route(NotificationServiceGrpc.getUpdateWebhookSubscriptionMethod(), subscriptions::update)
        .route(NotificationServiceGrpc.getDeleteWebhookSubscriptionMethod(), subscriptions::delete)
        .route(NotificationServiceGrpc.getListWebhookDeliveriesMethod(), deliveries::list)
        .route(NotificationServiceGrpc.getRedeliverWebhookDeliveryMethod(), deliveries::redeliver)
        .stream(NotificationServiceGrpc.getSubscribeNotificationsMethod(), streams::subscribe)
        .build();
  }
}
