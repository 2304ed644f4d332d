package org.taskforce.notifications.application;

import java.util.Set;

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
}
