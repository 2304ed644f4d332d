package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Changes to an agency's own target registration: its selectors, contact, case reference and
 * disclosure (matched again), its expiry (renewed), or its end (withdrawn). Each takes the version
 * the caller read; a stale one is refused.
 */
public final class TargetRegistrationChanges {
  private final TargetDraftChecks checks;
  private final RegistrationWrites<TargetRegistration> writes;
  private final AuditTrail audit;
  private final Clock clock;

  public TargetRegistrationChanges(
      TargetRegistrations registrations, AuditTrail audit, Clock clock) {
    this.checks = registrations.checks();
    this.writes = registrations.writes();
    this.audit = audit;
    this.clock = clock;
  }

  /** Which fields an update changes. */
  public record Changes(
      List<TargetSelector> selectors,
      Contact contact,
      String caseReference,
      Disclosure disclosure,
      boolean selectorsSet,
      boolean contactSet,
      boolean caseReferenceSet,
      boolean disclosureSet) {}

  public TargetRegistrations.Result update(
      AgencyPrincipal caller, String id, long expectedVersion, Changes changes, String field) {
    Access.requireActing(caller);
    TargetRegistration current = writes.own(caller, id, expectedVersion);
    if (current.status() != RegistrationStatus.ACTIVE) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_NOT_ACTIVE", "only active registrations can be changed");
    }
    Violations v = new Violations();
    String f = RegistrationChecks.prefix(field);
    List<NormalizedSelector> selectors =
        changes.selectorsSet()
            ? checks.normalize(changes.selectors(), f + "selectors", v, true)
            : current.selectors();
    Contact contact = changes.contactSet() ? changes.contact() : current.contact();
    Disclosure disclosure = changes.disclosureSet() ? changes.disclosure() : current.disclosure();
    RegistrationChecks.checkContact(contact, f + "point_of_contact", v);
    if (changes.caseReferenceSet()) {
      Bounds.text(changes.caseReference(), Bounds.ID, f + "case_reference", v);
    }
    v.check(
        disclosure != null,
        f + "disclosure_level",
        "is in the update mask: set the level to change to (OPEN, AGENCY_ONLY or RESTRICTED)");
    v.throwIfAny();
    TargetRegistration updated =
        current.with(
            selectors,
            contact,
            changes.caseReferenceSet()
                ? RegistrationChecks.nullToEmpty(changes.caseReference())
                : current.caseReference(),
            disclosure,
            current.expireTime(),
            current.status(),
            Access.stamp(caller, clock.instant()));
    List<Hit> hits = writes.change(updated, current);
    audit.record(
        caller,
        "target.update",
        "targets/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("hits", String.valueOf(hits.size())));
    return new TargetRegistrations.Result(updated, hits);
  }

  public TargetRegistration renew(
      AgencyPrincipal caller, String id, long expectedVersion, Instant expireTime) {
    Access.requireActing(caller);
    TargetRegistration current = writes.own(caller, id, expectedVersion);
    Instant now = clock.instant();
    if (current.status() == RegistrationStatus.WITHDRAWN) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_WITHDRAWN", "a withdrawn registration cannot be renewed");
    }
    Instant expiry = checks.expiryOrDefault(expireTime, now);
    Violations v = new Violations();
    checks.checkExpiry(expiry, now, current.created().time(), "expire_time", v);
    v.throwIfAny();
    TargetRegistration renewed =
        current.with(
            current.selectors(),
            current.contact(),
            current.caseReference(),
            current.disclosure(),
            expiry,
            RegistrationStatus.ACTIVE,
            Access.stamp(caller, now));
    writes.replace(renewed, current);
    audit.record(
        caller,
        "target.renew",
        "targets/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("expireTime", expiry.toString()));
    return renewed;
  }

  public TargetRegistration withdraw(
      AgencyPrincipal caller, String id, long expectedVersion, String reason) {
    Access.requireActing(caller);
    Violations v = new Violations();
    Bounds.text(reason, Bounds.NOTE, "reason", v);
    v.throwIfAny();
    TargetRegistration current = writes.own(caller, id, expectedVersion);
    if (current.status() == RegistrationStatus.WITHDRAWN) {
      return current;
    }
    TargetRegistration withdrawn =
        current.withdrawn(
            RegistrationChecks.nullToEmpty(reason), Access.stamp(caller, clock.instant()));
    writes.replace(withdrawn, current);
    audit.record(
        caller,
        "target.withdraw",
        "targets/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("reason", withdrawn.statusReason()));
    return withdrawn;
  }
}
