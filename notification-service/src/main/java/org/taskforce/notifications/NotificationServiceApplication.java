package org.taskforce.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Conflict alerts and case updates: inbox, resumable streams, signed webhooks, escalation.
 *
 * <p>Serves {@code taskforce.notifications.v1.NotificationService} over gRPC (port 9093 by default)
 * with health and reflection; token checks, errors, MongoDB, audit and outbox come from {@code
 * taskforce-platform}.
 */
@SpringBootApplication
public class NotificationServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(NotificationServiceApplication.class, args);
  }
}
