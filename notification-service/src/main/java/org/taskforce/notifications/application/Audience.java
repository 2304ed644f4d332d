package org.taskforce.notifications.application;

import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Who sees a notification: its agency's callers it is addressed to (the whole agency, the user, one
 * of the user's roles) and the agency's partner systems. Inbox, streams and the stores' queries
 * keep to this one rule.
 */
public final class Audience {
  private Audience() {}

  public static boolean sees(AgencyPrincipal caller, Notification notification) {
    return notification
        .recipient()
        .includes(caller.agencyId(), caller.subject(), caller.roles(), caller.isPartnerSystem());
  }

  /** The notification if the caller sees it; {@code NOT_FOUND} alike when absent or not theirs. */
  static Notification visibleOrNotFound(
      NotificationStore store, AgencyPrincipal caller, String notificationId) {
    return store
        .find(notificationId)
        .filter(notification -> sees(caller, notification))
        .orElseThrow(() -> TaskforceException.notFound("notification", notificationId));
  }
}
