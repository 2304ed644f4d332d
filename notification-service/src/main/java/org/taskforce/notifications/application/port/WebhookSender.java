package org.taskforce.notifications.application.port;

import java.time.Duration;
import java.util.Map;

/** Sends one signed POST. */
public interface WebhookSender {
  /** The HTTP status, or 0 with an error when no response came in time. */
  record Response(int status, String error) {}

  Response post(String url, Map<String, String> headers, String body, Duration timeout);
}
