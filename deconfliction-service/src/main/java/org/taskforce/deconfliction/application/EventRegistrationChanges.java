package org.taskforce.deconfliction.application;

import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Changes to an agency's own planned operation: its place, window, kind, contact and disclosure
 * (matched again), or its cancellation. Each takes the version the caller read; a stale one is
 * refused.
 */
public final class EventRegistrationChanges {
  private final EventRegistrations registrations;
  private final RegistrationEnding<EventRegistration> cancellation;

  public EventRegistrationChanges(EventRegistrations registrations) {
    this.registrations = registrations;
    this.cancellation =
        registrations.ending(RegistrationStatus.CANCELLED, "cancel", EventRegistration::cancelled);
  }

  public RegistrationResult<EventRegistration> update(
      AgencyPrincipal caller,
      String id,
      long expectedVersion,
      EventRegistrations.Draft merged,
      String field) {
    DeconflictionAccessPolicy.requireActing(caller);
    EventRegistration current = registrations.writes().ownActive(caller, id, expectedVersion);
    EventPlanChecks checks = registrations.checks();
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
            DeconflictionAccessPolicy.stamp(caller, registrations.services().clock().instant()),
            current.version() + 1,
            "");
    return registrations.change(caller, updated, current);
  }

  public EventRegistration cancel(
      AgencyPrincipal caller, String id, long expectedVersion, String reason) {
    return cancellation.end(caller, id, expectedVersion, reason);
  }
}
