package org.taskforce.notifications.application.port;

import org.taskforce.notifications.domain.Notification;

/** The JSON body a webhook receives for a notification. */
public interface NotificationRenderer {
  String json(Notification notification);
}
