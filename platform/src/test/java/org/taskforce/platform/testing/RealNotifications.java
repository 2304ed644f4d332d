package org.taskforce.platform.testing;

import java.util.List;
import java.util.Map;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;

/**
 * The real notification-service as the services' "real peer" tests run it ({@link InProcessPeer}):
 * its address, and what a caller finds in its inbox there.
 */
public final class RealNotifications {
  private RealNotifications() {}

  /**
   * The address of notification-service ({@code application}, its main class) with its own
   * in-memory database, trusting {@code issuer}, with {@code watchAgencyId} as the watch and no
   * escalation.
   */
  public static String address(Class<?> application, String issuer, String watchAgencyId) {
    return InProcessPeer.address(
        application,
        "notification-service",
        "notifications",
        issuer,
        () ->
            Map.of(
                "taskforce.notifications.watch-agency-id",
                watchAgencyId,
                "taskforce.notifications.escalation-enabled",
                "false"));
  }

  /** The first hundred notifications the caller with {@code token} finds at {@code address}. */
  public static List<Notification> inbox(String address, String token) {
    return InProcessPeer.call(
        address,
        channel ->
            NotificationServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerCredentials.of(token))
                .listNotifications(ListNotificationsRequest.newBuilder().setPageSize(100).build())
                .getNotificationsList());
  }
}
