package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Changes to an agency's own planned operation: its place, window, kind, contact and disclosure
 * (matched again), or its cancellation. Each takes the version the caller read; a stale one is
 * refused.
 */
public final class EventRegistrationChanges {
  private final EventPlanChecks checks;
  private final RegistrationWrites<EventRegistration> writes;
  private final AuditTrail audit;
  private final Clock clock;
  private final RegistrationEnding<EventRegistration> cancellation;

  public EventRegistrationChanges(EventRegistrations registrations, AuditTrail audit, Clock clock) {
    this.checks = registrations.checks();
    this.writes = registrations.writes();
    this.audit = audit;
    this.clock = clock;
    this.cancellation =
        new RegistrationEnding<>(
            writes,
            audit,
            clock,
            RegistrationStatus.CANCELLED,
            "event.cancel",
            "events",
            EventRegistration::cancelled);
  }

  public EventRegistrations.Result update(
      AgencyPrincipal caller,
      String id,
      long expectedVersion,
      EventRegistrations.Draft merged,
      String field) {
    DeconflictionAccessPolicy.requireActing(caller);
    EventRegistration current = writes.own(caller, id, expectedVersion);
    if (current.status() != RegistrationStatus.ACTIVE) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_NOT_ACTIVE", "only active registrations can be changed");
    }
    Violations violations = new Violations();
    EventPlan plan = checks.plan(merged, field, violations, true);
    checks.checkBounds(caller, merged, field, violations);
    RegistrationChecks.checkContact(
        merged.contact(), RegistrationChecks.prefix(field) + "on_scene_contact", violations);
    violations.check(
        merged.type() != null,
        RegistrationChecks.prefix(field) + "event_type",
        "is in the update mask: set the kind of operation to change to");
    violations.check(
        merged.disclosure() != null,
        RegistrationChecks.prefix(field) + "disclosure_level",
        "is in the update mask: set the level to change to (OPEN, AGENCY_ONLY or RESTRICTED)");
    violations.throwIfAny();
    EventRegistration updated =
        new EventRegistration(
            id,
            current.agency(),
            merged.type(),
            plan,
            merged.address(),
            merged.contact(),
            merged.linkedTargetIds(),
            RegistrationChecks.nullToEmpty(merged.caseReference()),
            merged.disclosure(),
            RegistrationStatus.ACTIVE,
            current.created(),
            DeconflictionAccessPolicy.stamp(caller, clock.instant()),
            current.version() + 1);
    List<Hit> hits = writes.change(updated, current);
    audit.record(
        caller,
        "event.update",
        "events/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("hits", String.valueOf(hits.size())));
    return new EventRegistrations.Result(updated, hits);
  }

  public EventRegistration cancel(
      AgencyPrincipal caller, String id, long expectedVersion, String reason) {
    return cancellation.end(caller, id, expectedVersion, reason);
  }
}
