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
import org.taskforce.notifications.application.WebhookSender;

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
    Notification n = parse(body);
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
          "[Taskforce] " + (n.getTitle().isEmpty() ? n.getKind().name() : n.getTitle()),
          StandardCharsets.UTF_8.name());
      message.setText(text(n), StandardCharsets.UTF_8.name());
      for (var h : headers.entrySet()) {
        if (h.getKey().startsWith("X-Taskforce-") || h.getKey().equals("Idempotency-Key")) {
          message.setHeader(h.getKey(), h.getValue());
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
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", String.valueOf(settings.port()));
    p.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
    p.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
    p.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
    p.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
    p.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
    boolean auth = settings.username() != null && !settings.username().isBlank();
    p.put("mail.smtp.auth", String.valueOf(auth));
    return auth
        ? Session.getInstance(
            p,
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
              }
            })
        : Session.getInstance(p);
  }

  private static Notification parse(String json) {
    Notification.Builder b = Notification.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(json, b);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the renderer wrote a notification this parser rejects", e);
    }
    return b.build();
  }

  /** The notification in words: what, how urgent, about what, whether to acknowledge. */
  static String text(Notification n) {
    StringBuilder s = new StringBuilder();
    s.append(n.getBody()).append("\n\n");
    s.append("Kind: ").append(n.getKind().name().replace("NOTIFICATION_KIND_", "")).append('\n');
    s.append("Severity: ").append(n.getSeverity().name().replace("SEVERITY_", "")).append('\n');
    if (!n.getResource().isEmpty()) {
      s.append("About: ").append(n.getResource()).append('\n');
    }
    if (n.getRequiresAcknowledgement()) {
      s.append("Acknowledge it in Taskforce");
      if (n.hasAcknowledgeDeadline()) {
        s.append(" before ")
            .append(java.time.Instant.ofEpochSecond(n.getAcknowledgeDeadline().getSeconds()));
      }
      s.append(".\n");
    }
    s.append("\nNotification ").append(n.getNotificationId()).append('\n');
    return s.toString();
  }
}
