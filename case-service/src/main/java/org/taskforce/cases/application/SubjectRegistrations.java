package org.taskforce.cases.application;

import org.taskforce.cases.application.RegistrationChange.Op;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Subject;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Keeps each subject's deconfliction registration in step with the case, never losing one and never
 * making one twice. Every change is prepared in the outbox <em>before</em> anything is stored, then
 * tried at once; on success the prepared entry is dropped, on an outage (or an answer that never
 * came) it is released and the relay retries it on the registrant's behalf ({@link #deliver}) until
 * deconfliction answers. A crash between the steps leaves a prepared entry that the relay settles
 * through {@link #applied}; {@link SubjectSweep} settles whatever is left after that. deconfliction
 * keys registrations on (agency, subject id), so a retry finds the first registration.
 *
 * <p>A registration belongs to the agency of the user who added the subject (the registrant), so
 * withdrawals and renewals act as that user: directly when the caller is of that agency, otherwise
 * through the outbox on the registrant's behalf.
 */
public final class SubjectRegistrations {
  public static final String TOPIC = "deconfliction";
  static final Op REGISTER = Op.REGISTER;
  static final Op WITHDRAW = Op.WITHDRAW;
  static final Op RENEW = Op.RENEW;
  static final String WITHDRAW_REASON = "subject removed from case";

  private final SubjectStore store;
  private final TargetRegistry registry;
  private final RegistrationQueue outbox;
  private final WriteSeams seams;

  public SubjectRegistrations(
      SubjectStore store, TargetRegistry registry, RegistrationQueue outbox, WriteSeams seams) {
    this.store = store;
    this.registry = registry;
    this.outbox = outbox;
    this.seams = seams;
  }

  /**
   * Stores a new subject and registers it as the caller: the queued registration first, then the
   * subject, then the call. PENDING if deconfliction does not answer; a refusal takes the subject
   * back and is rethrown.
   */
  Subject add(AgencyPrincipal caller, Subject pending, String caseNumber) {
    String entry = "register:" + pending.id();
    outbox.prepare(entry, change(REGISTER, pending.id(), caseNumber, caller));
    seams.reached("subject.prepared");
    if (!store.insertIfAbsent(pending, caller)) {
      return store.get(pending.id()).orElseThrow();
    }
    seams.reached("subject.stored");
    TargetRegistry.Registration registration;
    try {
      registration = registry.register(pending, caseNumber);
    } catch (TaskforceException refused) {
      store.delete(pending.id());
      outbox.abandon(entry);
      throw refused;
    } catch (RuntimeException downOrUnknown) {
      // Down, slow, or an answer we could not read: the relay settles it (idempotent).
      outbox.commit(entry);
      return store.get(pending.id()).orElseThrow();
    }
    seams.reached("subject.registered");
    settle(caller, pending.id(), registration);
    outbox.abandon(entry);
    return store.get(pending.id()).orElseThrow();
  }

  /**
   * A retried add that finds its subject stored but not yet registered (the first attempt died
   * before deconfliction answered, or before the answer was recorded) registers it now, as the
   * first attempt would have — deconfliction is idempotent on the subject id — so the retry answers
   * what an uninterrupted add would have: a refusal deletes the subject and is the answer, as it
   * would have been; if deconfliction does not answer, the subject stays as it is and the queued
   * registration (relay, sweep) settles it. A subject removed meanwhile gets its registration
   * withdrawn again ({@link #settle}), never left live.
   */
  Subject finish(AgencyPrincipal caller, Subject s, String caseNumber) {
    if (s.isRemoved() || !s.registrationId().isEmpty() || s.state() != DeconflictionState.PENDING) {
      return s;
    }
    AgencyPrincipal registrant = store.registrant(s.id()).orElse(caller);
    String entry = "register:" + s.id();
    TargetRegistry.Registration registration;
    try {
      registration = registry.register(s, caseNumber);
    } catch (TaskforceException refused) {
      store.delete(s.id());
      outbox.abandon(entry);
      throw refused;
    } catch (RuntimeException downOrUnknown) {
      return s;
    }
    settle(registrant, s.id(), registration);
    outbox.abandon(entry);
    return store.get(s.id()).orElseThrow();
  }

  /** Marks the subject removed and withdraws its registration, now or through the outbox. */
  Subject withdraw(AgencyPrincipal caller, Subject s, Stamp removed, String reason) {
    AgencyPrincipal registrant = store.registrant(s.id()).orElse(caller);
    String entry = "withdraw:" + s.id();
    outbox.prepare(entry, change(WITHDRAW, s.id(), "", registrant));
    seams.reached("withdraw.prepared");
    if (!store.markRemoved(s.id(), removed, reason)) {
      outbox.abandon(entry);
      return store.get(s.id()).orElseThrow();
    }
    seams.reached("withdraw.marked");
    // Read after marking: a registration that lands later is withdrawn by whoever lands it.
    Subject marked = store.get(s.id()).orElseThrow();
    if (marked.registrationId().isEmpty()) {
      outbox.abandon(entry);
      return marked;
    }
    if (!registrant.agencyId().equals(caller.agencyId())) {
      outbox.commit(entry); // deconfliction lets only the owning agency withdraw
      return marked;
    }
    try {
      registry.withdraw(marked.registrationId(), WITHDRAW_REASON);
    } catch (RuntimeException downOrUnknown) {
      outbox.commit(entry);
      return marked;
    }
    store.confirmWithdrawn(s.id());
    outbox.abandon(entry);
    return store.get(s.id()).orElseThrow();
  }

  /** Records a registration; withdraws it at once when the subject was removed meanwhile. */
  private void settle(
      AgencyPrincipal actor, String subjectId, TargetRegistry.Registration registration) {
    if (store.setRegistration(
        subjectId,
        registration.registrationId(),
        registration.state(),
        "",
        registration.expires())) {
      return;
    }
    try {
      registry.withdraw(registration.registrationId(), WITHDRAW_REASON);
      store.confirmWithdrawn(subjectId);
    } catch (RuntimeException downOrUnknown) {
      outbox.record("withdraw:" + subjectId, change(WITHDRAW, subjectId, "", actor));
    }
  }

  /**
   * Delivers a queued change; the caller runs it on behalf of the user who made it. Throwing {@link
   * TargetRegistry.Unavailable} means "try again later".
   */
  public void deliver(RegistrationChange payload) {
    String subjectId = payload.subjectId();
    Subject s = store.get(subjectId).orElse(null);
    Op op = payload.op();
    if (op == WITHDRAW) {
      String registrationId = s != null ? s.registrationId() : payload.registrationId();
      if (!registrationId.isEmpty()) {
        registry.withdraw(registrationId, WITHDRAW_REASON);
        if (s != null) {
          store.confirmWithdrawn(subjectId);
        }
      }
      return;
    }
    if (op == RENEW) {
      if (s != null && !s.isRemoved() && !s.registrationId().isEmpty()) {
        try {
          store.setExpiry(subjectId, registry.renew(s.registrationId()));
        } catch (TaskforceException refused) {
          // Withdrawn or at deconfliction's five-year limit: nothing to renew; it lapses.
        }
      }
      return;
    }
    if (s == null || !s.registrationId().isEmpty()) {
      return;
    }
    TargetRegistry.Registration registration;
    try {
      registration = registry.register(s, payload.caseNumber());
    } catch (TaskforceException refused) {
      String detail =
          refused.kind() == ErrorKind.INVALID_ARGUMENT
              ? refused.violations().stream()
                  .map(v -> v.field() + ": " + v.description())
                  .reduce((a, b) -> a + "; " + b)
                  .orElse(refused.getMessage())
              : refused.getMessage();
      store.setRegistration(subjectId, "", DeconflictionState.REJECTED, detail, null);
      return;
    }
    if (!store.setRegistration(
        subjectId,
        registration.registrationId(),
        registration.state(),
        "",
        registration.expires())) {
      registry.withdraw(registration.registrationId(), WITHDRAW_REASON);
      store.confirmWithdrawn(subjectId);
    }
  }

  /**
   * Whether a prepared entry's change happened: the subject was stored (register) or marked removed
   * (withdraw).
   */
  public boolean applied(RegistrationChange payload) {
    var s = store.get(payload.subjectId());
    return switch (payload.op()) {
      case WITHDRAW -> s.map(Subject::isRemoved).orElse(false);
      case REGISTER, RENEW -> s.isPresent();
    };
  }

  /** Queues a change for the relay (READY at once): the sweep's and renewals' way in. */
  boolean queue(Op op, Subject s, String caseNumber, AgencyPrincipal actor, String key) {
    return outbox.record(
        op.name().toLowerCase(java.util.Locale.ROOT) + ":" + key,
        change(op, s.id(), caseNumber, actor));
  }

  private static RegistrationChange change(
      Op op, String subjectId, String caseNumber, AgencyPrincipal p) {
    return new RegistrationChange(op, subjectId, caseNumber, p);
  }
}
