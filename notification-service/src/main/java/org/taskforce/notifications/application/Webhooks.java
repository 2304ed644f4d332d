package org.taskforce.notifications.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * Agency admins' webhook endpoints, their delivery history and redelivery from the dead-letter
 * list; and the fan-out of each stored notification to its agency's endpoints.
 */
public final class Webhooks {
  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}");
  private final WebhookStore store;
  private final WebhookTargets targets;
  private final boolean allowPlainHttp;
  private final boolean emailEnabled;
  private final Clock clock;

  public Webhooks(
      WebhookStore store,
      WebhookTargets targets,
      boolean allowPlainHttp,
      boolean emailEnabled,
      Clock clock) {
    this.store = store;
    this.targets = targets;
    this.allowPlainHttp = allowPlainHttp;
    this.emailEnabled = emailEnabled;
    this.clock = clock;
  }

  public record Draft(String url, String secret, Set<String> kinds, boolean enabled) {}

  public Webhook create(AgencyPrincipal caller, Draft d, String requestId) {
    requireAdmin(caller);
    Violations v = new Violations();
    checkUrl(d.url(), "subscription.url", v);
    v.check(
        d.secret() != null && d.secret().length() >= Bounds.SECRET_MIN,
        "subscription.secret",
        "a shared secret of at least 16 characters is required to sign deliveries");
    Bounds.max(v, "subscription.secret", d.secret(), Bounds.SECRET);
    v.throwIfAny();
    String id =
        requestId == null || requestId.isBlank()
            ? "wh-" + UUID.randomUUID()
            : "wh-"
                + UUID.nameUUIDFromBytes(
                    (caller.agencyId() + "|" + requestId).getBytes(StandardCharsets.UTF_8));
    Webhook w =
        new Webhook(
            id,
            caller.agencyId(),
            d.url().trim(),
            d.secret(),
            d.kinds(),
            d.enabled(),
            caller.subject(),
            clock.instant(),
            null,
            null,
            1);
    if (!store.insert(w)) {
      return get(caller, id);
    }
    return w;
  }

  public Webhook get(AgencyPrincipal caller, String id) {
    requireAdmin(caller);
    return store
        .find(id)
        .filter(w -> w.agencyId().equals(caller.agencyId()))
        .orElseThrow(() -> TaskforceException.notFound("webhook subscription", id));
  }

  /** The caller's agency's webhooks after {@code after} (null: from the first), oldest first. */
  public List<Webhook> list(AgencyPrincipal caller, WebhookStore.Position after, int limit) {
    requireAdmin(caller);
    return store.page(caller.agencyId(), after, limit);
  }

  /** Replaces the fields named (url, secret, kinds, enabled). */
  public Webhook update(
      AgencyPrincipal caller, String id, long version, Draft d, Set<String> fields) {
    Webhook w = get(caller, id);
    if (w.version() != version) {
      throw TaskforceException.staleEtag("webhook subscription", id);
    }
    Violations v = new Violations();
    if (fields.contains("url")) {
      checkUrl(d.url(), "subscription.url", v);
    }
    if (fields.contains("secret")) {
      v.check(
          d.secret() != null && d.secret().length() >= Bounds.SECRET_MIN,
          "subscription.secret",
          "at least 16 characters");
      Bounds.max(v, "subscription.secret", d.secret(), Bounds.SECRET);
    }
    v.throwIfAny();
    Webhook updated =
        new Webhook(
            id,
            w.agencyId(),
            fields.contains("url") ? d.url().trim() : w.url(),
            fields.contains("secret") ? d.secret() : w.secret(),
            fields.contains("kinds") ? d.kinds() : w.kinds(),
            fields.contains("enabled") ? d.enabled() : w.enabled(),
            w.createdBy(),
            w.createTime(),
            w.lastSuccess(),
            w.lastFailure(),
            w.version() + 1);
    if (!store.replace(updated, version)) {
      throw TaskforceException.staleEtag("webhook subscription", id);
    }
    return updated;
  }

  public void delete(AgencyPrincipal caller, String id) {
    get(caller, id);
    store.delete(id);
  }

  /** A webhook's deliveries before position {@code before}, newest first. */
  public List<Delivery> deliveries(
      AgencyPrincipal caller,
      String webhookId,
      Set<Delivery.Status> statuses,
      long before,
      int limit) {
    get(caller, webhookId);
    return store.deliveries(webhookId, statuses, before, limit);
  }

  /** Sends a dead-lettered delivery again, with the same idempotency key. */
  public Delivery redeliver(AgencyPrincipal caller, String webhookId, String deliveryId) {
    get(caller, webhookId);
    Delivery d =
        store
            .findDelivery(deliveryId)
            .filter(x -> x.webhookId().equals(webhookId))
            .orElseThrow(() -> TaskforceException.notFound("delivery", deliveryId));
    if (d.status() != Delivery.Status.DEAD_LETTER) {
      throw TaskforceException.failedPrecondition(
          "NOT_DEAD_LETTERED",
          "only dead-lettered deliveries are redelivered; this one is " + d.status());
    }
    Delivery again =
        new Delivery(
            d.id(),
            d.webhookId(),
            d.notificationId(),
            d.sequence(),
            d.idempotencyKey(),
            Delivery.Status.PENDING,
            d.attempts(),
            clock.instant(),
            d.createTime(),
            d.version() + 1);
    if (!store.replaceDelivery(again, d.version())) {
      throw TaskforceException.staleEtag("delivery", deliveryId);
    }
    return again;
  }

  /**
   * Queues stored notifications for every endpoint of their agencies that wants them (idempotent):
   * one look-up of the endpoints per agency and one write for all deliveries.
   */
  public void fanOut(List<Notification> stored) {
    Instant now = clock.instant();
    Map<String, List<Webhook>> endpoints = new HashMap<>();
    List<Delivery> deliveries = new ArrayList<>();
    for (Notification n : stored) {
      for (Webhook w : endpoints.computeIfAbsent(n.recipient().agencyId(), store::forAgency)) {
        if (w.wants(n)) {
          deliveries.add(
              new Delivery(
                  "d-"
                      + UUID.nameUUIDFromBytes(
                          (w.id() + "|" + n.id()).getBytes(StandardCharsets.UTF_8)),
                  w.id(),
                  n.id(),
                  n.sequence(),
                  n.id() + ":" + w.id(),
                  Delivery.Status.PENDING,
                  List.of(),
                  now,
                  now,
                  1));
        }
      }
    }
    store.enqueueAll(deliveries);
  }

  private void checkUrl(String url, String field, Violations v) {
    if (url == null || url.isBlank()) {
      v.add(field, "is required");
      return;
    }
    if (url.length() > Bounds.URL) {
      v.add(field, "at most " + Bounds.URL + " characters, got " + url.length());
      return;
    }
    if (url.trim().regionMatches(true, 0, "mailto:", 0, 7)) {
      String address = url.trim().substring(7);
      if (!emailEnabled) {
        v.add(field, "e-mail delivery is off here: no SMTP server is configured");
      } else if (!EMAIL.matcher(address).matches()) {
        v.add(
            field,
            "mailto: needs one e-mail address and nothing else, e.g. mailto:duty@agency.gov");
      }
      return;
    }
    try {
      URI uri = new URI(url.trim());
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (uri.getRawUserInfo() != null) {
        v.add(field, "must not carry credentials; the shared secret signs deliveries");
      } else if (uri.getHost() == null) {
        v.add(field, "needs a host");
      } else if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
        v.add(
            field,
            allowPlainHttp
                ? "must be http or https"
                : "must be https (plain http is allowed only where configured for development)");
      } else {
        targets.refusal(uri.getHost()).ifPresent(why -> v.add(field, why));
      }
    } catch (URISyntaxException e) {
      v.add(field, "is not a URL");
    }
  }

  /** Webhooks are the agency admins' business: checked before a request is decoded. */
  public static void requireAdmin(AgencyPrincipal caller) {
    if (!caller.hasRole(Roles.ADMIN)) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "webhooks are managed by the agency's admins");
    }
  }
}
