package org.taskforce.deconfliction.adapter.notifications;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.taskforce.deconfliction.application.Alert;
import org.taskforce.deconfliction.application.Alerts;
import org.taskforce.platform.outbox.Outbox;

/** Alerts go into the service's outbox; {@link NotificationPublisher} delivers them. */
public final class OutboxAlerts implements Alerts {
  static final String TOPIC = "notification";
  private final Outbox outbox;

  public OutboxAlerts(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void prepare(Alert alert) {
    outbox.prepare(alert.id(), TOPIC, toDocument(alert));
  }

  @Override
  public void commit(Alert alert) {
    outbox.commit(alert.id());
  }

  @Override
  public void send(Alert alert) {
    outbox.record(alert.id(), TOPIC, toDocument(alert));
  }

  static Document toDocument(Alert a) {
    List<Document> recipients = new ArrayList<>();
    a.recipients()
        .forEach(
            r -> recipients.add(new Document("agencyId", r.agencyId()).append("role", r.role())));
    return new Document("kind", a.kind())
        .append("severity", a.severity())
        .append("recipients", recipients)
        .append("title", a.title())
        .append("body", a.body())
        .append("resource", a.resource())
        .append(
            "attributes", new Document(new java.util.LinkedHashMap<String, Object>(a.attributes())))
        .append("requiresAcknowledgement", a.requiresAcknowledgement())
        .append(
            "acknowledgeDeadline",
            a.acknowledgeDeadline() == null ? null : Date.from(a.acknowledgeDeadline()));
  }
}
