package org.taskforce.notifications.adapter.webhook;

import java.time.Duration;
import java.util.Map;
import org.taskforce.notifications.application.port.WebhookSender;

/** Sends each delivery through its subscription's channel: HTTP(S) POST, or e-mail for mailto:. */
public final class ChannelSender implements WebhookSender {
  private final WebhookSender http;
  private final WebhookSender mail;

  /**
   * @param mail the e-mail channel, or null where no SMTP server is configured
   */
  public ChannelSender(WebhookSender http, WebhookSender mail) {
    this.http = http;
    this.mail = mail;
  }

  @Override
  public Response post(String url, Map<String, String> headers, String body, Duration timeout) {
    if (url.regionMatches(true, 0, "mailto:", 0, 7)) {
      return mail == null
          ? new Response(0, "e-mail delivery is off: no SMTP server is configured")
          : mail.post(url, headers, body, timeout);
    }
    return http.post(url, headers, body, timeout);
  }
}
