package org.taskforce.notifications.application.port;

import java.util.Optional;

/** Which hosts a webhook may point at (no address inside the network unless allowed). */
public interface WebhookTargets {
  /** Why deliveries may not go to this URL host (as {@code URI.getHost()} gives it), if so. */
  Optional<String> refusal(String host);
}
