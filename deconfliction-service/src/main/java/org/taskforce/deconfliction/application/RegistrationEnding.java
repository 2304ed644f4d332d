package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.util.Map;
import org.taskforce.deconfliction.domain.Registration;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Withdrawing a target registration and cancelling a planned operation take the same steps: the
 * owner's reason is bounded, the caller must own the version it read, a second ending answers the
 * first, and the ending is audited with its reason.
 */
final class RegistrationEnding<R extends Registration> {
  /** The registration ended for {@code reason}, stamped by who ended it. */
  @FunctionalInterface
  interface Ender<R> {
    R end(R current, String reason, Stamp stamp);
  }

  private final RegistrationWrites<R> writes;
  private final AuditTrail audit;
  private final Clock clock;
  private final RegistrationStatus ended;
  private final String action;
  private final String collection;
  private final Ender<R> ender;

  /**
   * @param ended the status an ended registration has
   * @param action the audit action, e.g. {@code target.withdraw}
   * @param collection the resource collection, e.g. {@code targets}
   */
  RegistrationEnding(
      RegistrationWrites<R> writes,
      AuditTrail audit,
      Clock clock,
      RegistrationStatus ended,
      String action,
      String collection,
      Ender<R> ender) {
    this.writes = writes;
    this.audit = audit;
    this.clock = clock;
    this.ended = ended;
    this.action = action;
    this.collection = collection;
    this.ender = ender;
  }

  R end(AgencyPrincipal caller, String id, long expectedVersion, String reason) {
    DeconflictionAccessPolicy.requireActing(caller);
    Violations violations = new Violations();
    Bounds.text(reason, Bounds.NOTE, "reason", violations);
    violations.throwIfAny();
    R current = writes.own(caller, id, expectedVersion);
    if (current.status() == ended) {
      return current;
    }
    R next =
        ender.end(
            current,
            RegistrationChecks.nullToEmpty(reason),
            DeconflictionAccessPolicy.stamp(caller, clock.instant()));
    writes.replace(next, current);
    audit.record(
        caller,
        action,
        collection + "/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("reason", next.statusReason()));
    return next;
  }
}
