package org.taskforce.cases.application;

import java.util.List;
import org.bson.Document;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Subject;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Keeps each subject's deconfliction registration in step with the case, never losing one and never
 * making one twice. Each change is first prepared in the outbox, then tried at once as the caller;
 * on success the prepared entry is dropped, on an outage it is released and the relay retries it on
 * the caller's behalf ({@link #deliver}) until deconfliction answers. deconfliction-service keys
 * registrations on (agency, subject id), so a retry after a lost answer finds the first
 * registration instead of making a second.
 */
public final class SubjectRegistrations {
  public static final String TOPIC = "deconfliction";
  static final String REGISTER = "REGISTER";
  static final String WITHDRAW = "WITHDRAW";

  private final SubjectStore store;
  private final TargetRegistry registry;
  private final Outbox outbox;

  public SubjectRegistrations(SubjectStore store, TargetRegistry registry, Outbox outbox) {
    this.store = store;
    this.registry = registry;
    this.outbox = outbox;
  }

  /** Registers a just-stored subject as the caller; PENDING if deconfliction does not answer. */
  Subject registerNow(AgencyPrincipal caller, Subject s, String caseNumber) {
    String entry = "register:" + s.id();
    outbox.prepare(entry, TOPIC, payload(REGISTER, s.id(), caseNumber, "", caller));
    TargetRegistry.Registration r;
    try {
      r = registry.register(s, caseNumber);
    } catch (TargetRegistry.Unavailable down) {
      outbox.commit(entry);
      return s;
    } catch (RuntimeException refused) {
      outbox.abandon(entry);
      throw refused;
    }
    store.setRegistration(s.id(), r.registrationId(), r.state(), "");
    outbox.abandon(entry);
    return store.get(s.id()).orElseThrow();
  }

  /** Marks the subject removed and withdraws its registration, now or through the outbox. */
  Subject withdraw(AgencyPrincipal caller, Subject s, Stamp removed) {
    if (store.markRemoved(s.id(), removed) && !s.registrationId().isEmpty()) {
      String entry = "withdraw:" + s.id();
      outbox.prepare(entry, TOPIC, payload(WITHDRAW, s.id(), "", s.registrationId(), caller));
      try {
        registry.withdraw(s.registrationId(), "subject removed from case");
        outbox.abandon(entry);
      } catch (TargetRegistry.Unavailable down) {
        outbox.commit(entry);
      }
    }
    return store.get(s.id()).orElseThrow();
  }

  /**
   * Delivers a queued change; the caller runs it on behalf of the user who made it. Throwing {@link
   * TargetRegistry.Unavailable} means "try again later".
   */
  public void deliver(Document payload) {
    String subjectId = payload.getString("subjectId");
    if (WITHDRAW.equals(payload.getString("op"))) {
      registry.withdraw(payload.getString("registrationId"), "subject removed from case");
      return;
    }
    Subject s = store.get(subjectId).orElse(null);
    if (s == null || !s.registrationId().isEmpty()) {
      return;
    }
    TargetRegistry.Registration r;
    try {
      r = registry.register(s, payload.getString("caseNumber"));
    } catch (TaskforceException refused) {
      String detail =
          refused.kind() == ErrorKind.INVALID_ARGUMENT
              ? refused.violations().stream()
                  .map(v -> v.field() + ": " + v.description())
                  .reduce((a, b) -> a + "; " + b)
                  .orElse(refused.getMessage())
              : refused.getMessage();
      store.setRegistration(subjectId, "", DeconflictionState.REJECTED, detail);
      return;
    }
    if (!store.setRegistration(subjectId, r.registrationId(), r.state(), "")) {
      registry.withdraw(r.registrationId(), "subject removed from case");
    }
  }

  /** Whether a prepared entry's change happened: its subject was stored. */
  public boolean applied(Document payload) {
    return WITHDRAW.equals(payload.getString("op"))
        || store.get(payload.getString("subjectId")).isPresent();
  }

  /** The user a queued change acts for. */
  public static AgencyPrincipal actor(Document payload) {
    Document a = payload.get("actor", Document.class);
    return new AgencyPrincipal(
        a.getString("subject"),
        a.getString("name"),
        a.getString("clientId"),
        AgencyPrincipal.Kind.valueOf(a.getString("kind")),
        a.getString("agencyId"),
        org.taskforce.platform.security.AgencyType.valueOf(a.getString("agencyType")),
        java.util.Set.copyOf(a.getList("roles", String.class)));
  }

  private static Document payload(
      String op, String subjectId, String caseNumber, String registrationId, AgencyPrincipal p) {
    return new Document("op", op)
        .append("subjectId", subjectId)
        .append("caseNumber", caseNumber)
        .append("registrationId", registrationId)
        .append(
            "actor",
            new Document("subject", p.subject())
                .append("name", p.displayName())
                .append("clientId", p.clientId())
                .append("kind", p.kind().name())
                .append("agencyId", p.agencyId())
                .append("agencyType", p.agencyType().name())
                .append("roles", List.copyOf(p.roles())));
  }
}
