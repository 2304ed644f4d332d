package org.taskforce.notifications.domain;

import java.time.Instant;
import java.util.Set;

/**
 * An agency's webhook endpoint. The secret signs every delivery and is never returned.
 *
 * @param kinds the notification kinds delivered; all when empty
 */
public record Webhook(
    String id,
    String agencyId,
    String url,
    String secret,
    Set<String> kinds,
    boolean enabled,
    String createdBy,
    Instant createTime,
    Instant lastSuccess,
    Instant lastFailure,
    long version) {
  public Webhook {
    kinds = Set.copyOf(kinds);
  }

  public boolean wants(Notification n) {
    return enabled
        && n.recipient().agencyId().equals(agencyId)
        && (kinds.isEmpty() || kinds.contains(n.kind()));
  }
}
