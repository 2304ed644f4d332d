package org.taskforce.notifications;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.platform.testing.GrpcServiceRuntimeContract;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY"
    })
class NotificationServiceApplicationTest extends GrpcServiceRuntimeContract {

  @Override
  protected List<String> businessServices() {
    return List.of();
  }

  @Override
  protected void callWithoutToken() {
    NotificationServiceGrpc.newBlockingStub(channel)
        .listNotifications(ListNotificationsRequest.getDefaultInstance());
  }
}
