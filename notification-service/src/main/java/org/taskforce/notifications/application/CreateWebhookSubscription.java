package org.taskforce.notifications.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Creates a webhook subscription for the caller's agency. With a {@code request_id} a retry finds
 * the subscription the first call made instead of making a second.
 */
public final class CreateWebhookSubscription {
  /** The subscription and the optional request id; checked when made. */
  public record Command(WebhookDraft draft, String requestId) {
    public Command {
      Violations violations = new Violations();
      Bounds.max(violations, "request_id", requestId, Bounds.ID);
      violations.throwIfAny();
    }
  }

  private final WebhookStore store;
  private final WebhookSubscriptions subscriptions;
  private final WebhookUrlRules urls;
  private final Clock clock;

  public CreateWebhookSubscription(
      WebhookStore store, WebhookSubscriptions subscriptions, WebhookUrlRules urls, Clock clock) {
    this.store = store;
    this.subscriptions = subscriptions;
    this.urls = urls;
    this.clock = clock;
  }

  public Webhook create(AgencyPrincipal caller, Command command) {
    WebhookSubscriptions.requireAdmin(caller);
    WebhookDraft draft = command.draft();
    Violations violations = new Violations();
    urls.check(draft.url(), "subscription.url", violations);
    draft.checkSecret(
        violations, "a shared secret of at least 16 characters is required to sign deliveries");
    violations.throwIfAny();
    String id = subscriptionId(caller, command.requestId());
    Webhook webhook =
        new Webhook(
            id,
            caller.agencyId(),
            draft.url().trim(),
            draft.secret(),
            draft.kinds(),
            draft.enabled(),
            caller.subject(),
            clock.instant(),
            null,
            null,
            1);
    return store.insert(webhook) ? webhook : subscriptions.get(caller, id);
  }

  /** Random, or derived from the agency and request id so that a retry names the same one. */
  private static String subscriptionId(AgencyPrincipal caller, String requestId) {
    if (requestId == null || requestId.isBlank()) {
      return "wh-" + UUID.randomUUID();
    }
    return "wh-"
        + UUID.nameUUIDFromBytes(
            (caller.agencyId() + "|" + requestId).getBytes(StandardCharsets.UTF_8));
  }
}
