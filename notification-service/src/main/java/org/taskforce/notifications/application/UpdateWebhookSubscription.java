package org.taskforce.notifications.application;

import java.util.List;
import java.util.Set;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Replaces the fields an update names (url, secret, kinds, enabled) of a subscription of the
 * caller's agency, if it is still at the version the caller's etag names ({@code ABORTED} / {@code
 * STALE_ETAG} otherwise).
 */
public final class UpdateWebhookSubscription {
  /** The fields that may be named. */
  public static final List<String> UPDATABLE = List.of("url", "secret", "kinds", "enabled");

  /**
   * What to change; checked when made.
   *
   * @param fields which of the draft's fields to take (a subset of {@link #UPDATABLE})
   */
  public record Command(
      String subscriptionId, String etag, WebhookDraft draft, Set<String> fields) {
    public Command {
      Violations violations = new Violations();
      violations.requireText("subscription.etag", etag);
      Bounds.max(violations, "subscription.etag", etag, Bounds.ID);
      violations.throwIfAny();
      RequiredId.check("subscription.subscription_id", subscriptionId);
      fields = Set.copyOf(fields);
    }

    /** The version an etag ({@code W/"3"} or {@code "3"}) names; -1 (never current) if none. */
    long version() {
      return Etags.version(etag);
    }
  }

  private final WebhookStore store;
  private final WebhookSubscriptions subscriptions;
  private final WebhookUrlRules urls;

  public UpdateWebhookSubscription(
      WebhookStore store, WebhookSubscriptions subscriptions, WebhookUrlRules urls) {
    this.store = store;
    this.subscriptions = subscriptions;
    this.urls = urls;
  }

  public Webhook update(AgencyPrincipal caller, Command command) {
    String id = command.subscriptionId();
    Webhook current = subscriptions.get(caller, id);
    if (current.version() != command.version()) {
      throw TaskforceException.staleEtag("webhook subscription", id);
    }
    WebhookDraft draft = command.draft();
    Set<String> fields = command.fields();
    Violations violations = new Violations();
    if (fields.contains("url")) {
      urls.check(draft.url(), "subscription.url", violations);
    }
    if (fields.contains("secret")) {
      draft.checkSecret(violations, "at least 16 characters");
    }
    violations.throwIfAny();
    Webhook updated =
        new Webhook(
            id,
            current.agencyId(),
            fields.contains("url") ? draft.url().trim() : current.url(),
            fields.contains("secret") ? draft.secret() : current.secret(),
            fields.contains("kinds") ? draft.kinds() : current.kinds(),
            fields.contains("enabled") ? draft.enabled() : current.enabled(),
            current.createdBy(),
            current.createTime(),
            current.lastSuccess(),
            current.lastFailure(),
            current.version() + 1);
    if (!store.replace(updated, current.version())) {
      throw TaskforceException.staleEtag("webhook subscription", id);
    }
    return updated;
  }
}
