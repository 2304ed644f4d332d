package org.taskforce.notifications.application;

import java.util.List;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * An agency admin's webhook subscriptions: reading, listing and deleting them. Another agency's
 * subscription is {@code NOT_FOUND}, exactly like one that does not exist.
 */
public final class WebhookSubscriptions {
  private final WebhookStore store;

  public WebhookSubscriptions(WebhookStore store) {
    this.store = store;
  }

  /** Webhooks are the agency admins' business: checked before a request is decoded. */
  public static void requireAdmin(AgencyPrincipal caller) {
    if (!caller.hasRole(Roles.ADMIN)) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "webhooks are managed by the agency's admins");
    }
  }

  public Webhook get(AgencyPrincipal caller, String subscriptionId) {
    requireAdmin(caller);
    return store
        .find(subscriptionId)
        .filter(webhook -> webhook.agencyId().equals(caller.agencyId()))
        .orElseThrow(() -> TaskforceException.notFound("webhook subscription", subscriptionId));
  }

  /** The caller's agency's webhooks after {@code after} (null: from the first), oldest first. */
  public List<Webhook> list(AgencyPrincipal caller, WebhookStore.Position after, int limit) {
    requireAdmin(caller);
    return store.page(caller.agencyId(), after, limit);
  }

  public void delete(AgencyPrincipal caller, String subscriptionId) {
    get(caller, subscriptionId);
    store.delete(subscriptionId);
  }
}
