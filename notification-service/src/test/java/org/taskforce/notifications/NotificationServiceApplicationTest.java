package org.taskforce.notifications;

import java.util.List;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.platform.testing.GrpcServiceRuntimeContract;

class NotificationServiceApplicationTest extends GrpcServiceRuntimeContract {

  @Override
  protected List<String> businessServices() {
    return List.of("taskforce.notifications.v1.NotificationService");
  }

  @Override
  protected void callWithoutToken() {
    NotificationServiceGrpc.newBlockingStub(channel)
        .listNotifications(ListNotificationsRequest.getDefaultInstance());
  }
}
