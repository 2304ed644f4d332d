package org.taskforce.notifications.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taskforce.notifications.email.*}: the e-mail channel, off unless an SMTP server is
 * configured. Subscriptions with a {@code mailto:} URL are then delivered by e-mail with the
 * webhooks' retries, circuit breaker and dead letters.
 *
 * @param starttls require STARTTLS; turn off only for a relay on the same host
 * @param from the sender address
 */
@ConfigurationProperties("taskforce.notifications.email")
public record EmailProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("") String host,
    @DefaultValue("587") int port,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("true") boolean starttls,
    @DefaultValue("taskforce-alerts@localhost") String from) {

  public EmailProperties {
    if (enabled && host.isBlank()) {
      throw new IllegalArgumentException(
          "taskforce.notifications.email.enabled needs taskforce.notifications.email.host");
    }
  }
}
