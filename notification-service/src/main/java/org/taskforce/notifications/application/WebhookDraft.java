package org.taskforce.notifications.application;

import java.util.Set;
import org.taskforce.platform.error.Violations;

/**
 * A webhook subscription as an admin writes it.
 *
 * @param url {@code https://…} (plain {@code http} only where allowed) or {@code mailto:…}
 * @param secret signs every delivery; never returned
 * @param kinds the notification kinds delivered; all when empty
 * @param enabled stored as sent (an unset proto3 bool is false: a disabled endpoint)
 */
public record WebhookDraft(String url, String secret, Set<String> kinds, boolean enabled) {
  public WebhookDraft {
    kinds = Set.copyOf(kinds);
  }

  /** A secret long enough to sign with ({@code tooShort} says so otherwise), within its bound. */
  void checkSecret(Violations violations, String tooShort) {
    violations.check(
        secret != null && secret.length() >= Bounds.SECRET_MIN, "subscription.secret", tooShort);
    Bounds.max(violations, "subscription.secret", secret, Bounds.SECRET);
  }
}
