package org.taskforce.notifications.adapter.webhook;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.notifications.application.port.WebhookSender;

/**
 * The e-mail channel: delivers to {@code mailto:} subscriptions through the configured SMTP server,
 * with the webhooks' retries, circuit breaker and dead letters. SMTP answers map onto the
 * dispatcher's rules: accepted → 200; a transient refusal (4xx, e.g. 451 or 421) or no answer →
 * retried; a permanent refusal (5xx, e.g. 550 no such mailbox) → 400, straight to the dead-letter
 * list. The message carries the notification in words, and the same idempotency key (also as {@code
 * Message-ID}, so mail systems drop a second copy) and signature headers a webhook gets.
 */
public final class SmtpSender implements WebhookSender {
  /**
   * @param host the SMTP server
   * @param startTls require STARTTLS (production); off only for a local relay
   * @param from the sender address, e.g. taskforce-alerts@nmag.example.gov
   */
  public record Settings(
      String host, int port, String username, String password, boolean startTls, String from) {}

  private final Settings settings;

  public SmtpSender(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Response post(String url, Map<String, String> headers, String body, Duration timeout) {
    String to = URI.create(url).getSchemeSpecificPart();
    Notification notification = parse(body);
    try {
      Session session = session(timeout);
      String messageId = "<" + headers.get("Idempotency-Key") + "@taskforce>";
      MimeMessage message =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
      message.setSubject(
          "[Taskforce] "
              + (notification.getTitle().isEmpty()
                  ? notification.getKind().name()
                  : notification.getTitle()),
          StandardCharsets.UTF_8.name());
      message.setText(text(notification), StandardCharsets.UTF_8.name());
      for (var header : headers.entrySet()) {
        if (header.getKey().startsWith("X-Taskforce-")
            || header.getKey().equals("Idempotency-Key")) {
          message.setHeader(header.getKey(), header.getValue());
        }
      }
      Transport.send(message);
      return new Response(200, null);
    } catch (SMTPAddressFailedException e) {
      return refused(e.getReturnCode());
    } catch (SMTPSendFailedException e) {
      return refused(e.getReturnCode());
    } catch (MessagingException e) {
      // The class only: the server's words stay out of the delivery record.
      return new Response(0, "SMTP: " + e.getClass().getSimpleName());
    }
  }

  private static Response refused(int smtpCode) {
    // 4xx: try again later; 5xx: this address will not take it.
    return new Response(smtpCode >= 500 ? 400 : 503, "SMTP " + smtpCode);
  }

  private Session session(Duration timeout) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", String.valueOf(settings.port()));
    properties.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
    properties.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
    properties.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
    properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
    boolean auth = settings.username() != null && !settings.username().isBlank();
    properties.put("mail.smtp.auth", String.valueOf(auth));
    return auth
        ? Session.getInstance(
            properties,
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
              }
            })
        : Session.getInstance(properties);
  }

  private static Notification parse(String json) {
    Notification.Builder builder = Notification.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the renderer wrote a notification this parser rejects", e);
    }
    return builder.build();
  }

  /** The notification in words: what, how urgent, about what, whether to acknowledge. */
  static String text(Notification notification) {
    StringBuilder text = new StringBuilder();
    text.append(notification.getBody()).append("\n\n");
    text.append("Kind: ")
        .append(notification.getKind().name().replace("NOTIFICATION_KIND_", ""))
        .append('\n');
    text.append("Severity: ")
        .append(notification.getSeverity().name().replace("SEVERITY_", ""))
        .append('\n');
    if (!notification.getResource().isEmpty()) {
      text.append("About: ").append(notification.getResource()).append('\n');
    }
    if (notification.getRequiresAcknowledgement()) {
      text.append("Acknowledge it in Taskforce");
      if (notification.hasAcknowledgeDeadline()) {
        text.append(" before ")
            .append(
                java.time.Instant.ofEpochSecond(
                    notification.getAcknowledgeDeadline().getSeconds()));
      }
      text.append(".\n");
    }
    text.append("\nNotification ").append(notification.getNotificationId()).append('\n');
    return text.toString();
  }
}
