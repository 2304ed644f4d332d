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
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Changes to an agency's own target registration: its selectors, contact, case reference and
 * disclosure (matched again), its expiry (renewed), or its end (withdrawn). Each takes the version
 * the caller read; a stale one is refused.
 */
public final class TargetRegistrationChanges {
  private final TargetRegistrations registrations;
  private final TargetDraftChecks checks;
  private final RegistrationWrites<TargetRegistration> writes;
  private final Clock clock;
  private final RegistrationEnding<TargetRegistration> withdrawal;

  public TargetRegistrationChanges(TargetRegistrations registrations) {
    this.registrations = registrations;
    this.checks = registrations.checks();
    this.writes = registrations.writes();
    this.clock = registrations.services().clock();
    this.withdrawal =
        registrations.ending(
            RegistrationStatus.WITHDRAWN, "withdraw", TargetRegistration::withdrawn);
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

  public RegistrationResult<TargetRegistration> update(
      AgencyPrincipal caller, String id, long expectedVersion, Changes changes, String field) {
    DeconflictionAccessPolicy.requireActing(caller);
    TargetRegistration current = writes.ownActive(caller, id, expectedVersion);
    Violations violations = new Violations();
    String prefix = RegistrationChecks.prefix(field);
    List<NormalizedSelector> selectors =
        changes.selectorsSet()
            ? checks.normalize(changes.selectors(), prefix + "selectors", violations, true)
            : current.selectors();
    Contact contact = changes.contactSet() ? changes.contact() : current.contact();
    Disclosure disclosure = changes.disclosureSet() ? changes.disclosure() : current.disclosure();
    RegistrationChecks.checkContact(contact, prefix + "point_of_contact", violations);
    if (changes.caseReferenceSet()) {
      Bounds.text(changes.caseReference(), Bounds.ID, prefix + "case_reference", violations);
    }
    violations.check(
        disclosure != null,
        prefix + "disclosure_level",
        "is in the update mask: set the level to change to (OPEN, AGENCY_ONLY or RESTRICTED)");
    violations.throwIfAny();
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
            DeconflictionAccessPolicy.stamp(caller, clock.instant()));
    return registrations.change(caller, updated, current);
  }

  public TargetRegistration renew(
      AgencyPrincipal caller, String id, long expectedVersion, Instant expireTime) {
    DeconflictionAccessPolicy.requireActing(caller);
    TargetRegistration current = writes.own(caller, id, expectedVersion);
    Instant now = clock.instant();
    if (current.status() == RegistrationStatus.WITHDRAWN) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_WITHDRAWN", "a withdrawn registration cannot be renewed");
    }
    Instant expiry = checks.expiryOrDefault(expireTime, now);
    Violations violations = new Violations();
    checks.checkExpiry(expiry, now, current.created().time(), "expire_time", violations);
    violations.throwIfAny();
    TargetRegistration renewed =
        current.with(
            current.selectors(),
            current.contact(),
            current.caseReference(),
            current.disclosure(),
            expiry,
            RegistrationStatus.ACTIVE,
            DeconflictionAccessPolicy.stamp(caller, now));
    writes.replace(renewed, current);
    registrations.audit(caller, "renew", id, Map.of("expireTime", expiry.toString()));
    return renewed;
  }

  public TargetRegistration withdraw(
      AgencyPrincipal caller, String id, long expectedVersion, String reason) {
    return withdrawal.end(caller, id, expectedVersion, reason);
  }
}
