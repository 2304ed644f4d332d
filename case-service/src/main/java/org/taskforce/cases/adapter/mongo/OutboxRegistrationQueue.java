package org.taskforce.cases.adapter.mongo;

import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.taskforce.cases.application.RegistrationChange;
import org.taskforce.cases.application.RegistrationQueue;
import org.taskforce.cases.application.SubjectRegistrations;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;

/**
 * Registration changes in the service's outbox (topic {@value SubjectRegistrations#TOPIC}), stored
 * as documents {@code {op, subjectId, caseNumber, registrationId?, actor: {...}}}; it also reads
 * entries written before the actor had a field of its own (the actor's fields at the top).
 */
public final class OutboxRegistrationQueue implements RegistrationQueue {
  private final Outbox outbox;

  public OutboxRegistrationQueue(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void prepare(String entry, RegistrationChange change) {
    outbox.prepare(entry, SubjectRegistrations.TOPIC, toDocument(change));
  }

  @Override
  public void commit(String entry) {
    outbox.commit(entry);
  }

  @Override
  public void abandon(String entry) {
    outbox.abandon(entry);
  }

  @Override
  public boolean record(String entry, RegistrationChange change) {
    return outbox.record(entry, SubjectRegistrations.TOPIC, toDocument(change));
  }

  static Document toDocument(RegistrationChange c) {
    Document d =
        new Document("op", c.op().name())
            .append("subjectId", c.subjectId())
            .append("caseNumber", c.caseNumber());
    if (!c.registrationId().isEmpty()) {
      d.append("registrationId", c.registrationId());
    }
    return d.append("actor", actorDocument(c.actor()));
  }

  /** A queued change as the relay reads it from the outbox. */
  public static RegistrationChange fromDocument(Document d) {
    Document actor = d.containsKey("actor") ? d.get("actor", Document.class) : d;
    return new RegistrationChange(
        RegistrationChange.Op.valueOf(d.getString("op")),
        d.getString("subjectId"),
        d.getString("caseNumber"),
        String.valueOf(d.get("registrationId", "")),
        actor(actor));
  }

  /** A user as stored with a queued change or a subject. */
  public static Document actorDocument(AgencyPrincipal p) {
    return new Document("subject", p.subject())
        .append("name", p.displayName())
        .append("clientId", p.clientId())
        .append("kind", p.kind().name())
        .append("agencyId", p.agencyId())
        .append("agencyType", p.agencyType().name())
        .append("roles", List.copyOf(p.roles()));
  }

  public static AgencyPrincipal actor(Document a) {
    return new AgencyPrincipal(
        a.getString("subject"),
        a.getString("name"),
        a.getString("clientId"),
        AgencyPrincipal.Kind.valueOf(a.getString("kind")),
        a.getString("agencyId"),
        AgencyType.valueOf(a.getString("agencyType")),
        Set.copyOf(a.getList("roles", String.class)));
  }
}
