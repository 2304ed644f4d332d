package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Target registration: create, read and list an agency's own (changes are {@link
 * TargetRegistrationChanges}). Input is validated completely before anything is stored; a
 * registration is indexed before it is matched, so of two agencies registering the same target at
 * once at least one sees the other, and the pair's conflict id makes sure only one conflict is
 * stored.
 */
public final class TargetRegistrations
    extends RegistrationLifecycle<TargetRegistration, TargetRegistrations.Draft> {
  private final TargetStore store;
  private final Function<String, String> agencyNames;
  private final TargetDraftChecks checks;

  public TargetRegistrations(
      TargetStore store, Function<String, String> agencyNames, RegistrationServices services) {
    super(
        "target",
        services,
        new RegistrationWrites.Kind<>(
            PendingRegistrations.Kind.TARGET,
            RegistrationWrites.Seams.TARGET,
            "target registration",
            services.matcher()::entries,
            registration ->
                services
                    .recorder()
                    .recordTargetFindings(
                        registration,
                        services
                            .matcher()
                            .findTargets(
                                registration.agency().id(),
                                registration.selectors(),
                                registration.id()))),
        store);
    this.store = store;
    this.agencyNames = agencyNames;
    this.checks = new TargetDraftChecks(services.clock(), services.settings());
  }

  /** What a caller asks to register. */
  public record Draft(
      List<TargetSelector> selectors,
      Contact contact,
      String caseReference,
      Disclosure disclosure,
      Instant expireTime) {}

  @Override
  public TargetRegistration prepare(
      AgencyPrincipal caller, Draft draft, String requestId, String field) {
    DeconflictionAccessPolicy.requireActing(caller);
    // Stored to the millisecond: the answer to a retry, read back, equals the first answer.
    Instant now = services().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Violations violations = new Violations();
    String prefix = RegistrationChecks.prefix(field);
    List<NormalizedSelector> selectors =
        checks.normalize(draft.selectors(), prefix + "selectors", violations, true);
    RegistrationChecks.checkContact(draft.contact(), prefix + "point_of_contact", violations);
    Bounds.text(draft.caseReference(), Bounds.ID, prefix + "case_reference", violations);
    Bounds.text(requestId, Bounds.ID, "request_id", violations);
    Instant expiry = checks.expiryOrDefault(draft.expireTime(), now);
    checks.checkExpiry(expiry, now, now, prefix + "expire_time", violations);
    violations.throwIfAny();
    Stamp stamp = DeconflictionAccessPolicy.stamp(caller, now);
    return new TargetRegistration(
        RegistrationWrites.idFor("t-", caller, requestId),
        DeconflictionAccessPolicy.agency(caller, agencyNames.apply(caller.agencyId())),
        selectors,
        draft.contact(),
        RegistrationChecks.nullToEmpty(draft.caseReference()),
        services().policy().disclosureFor(caller.agencyId(), draft.disclosure()),
        expiry,
        RegistrationStatus.ACTIVE,
        stamp,
        stamp,
        1,
        "",
        requestId);
  }

  @Override
  Map<String, String> createDetails(TargetRegistration registration, List<Hit> hits) {
    return Map.of(
        "selectors",
        String.valueOf(registration.selectors().size()),
        "hits",
        String.valueOf(hits.size()));
  }

  public Page<TargetRegistration> list(
      AgencyPrincipal caller,
      Set<RegistrationStatus> statuses,
      String caseReference,
      int size,
      String token) {
    PageQuery query = ownQuery(caller, statuses).with("case_reference", caseReference);
    return page(
        query,
        token,
        size,
        (after, limit) -> store.list(caller.agencyId(), statuses, caseReference, after, limit),
        TargetStore::position);
  }

  /** A check's selectors, normalised as a registration's are ({@link TargetDraftChecks}). */
  List<NormalizedSelector> normalize(
      List<TargetSelector> selectors, String field, Violations violations, boolean required) {
    return checks.normalize(selectors, field, violations, required);
  }

  TargetDraftChecks checks() {
    return checks;
  }
}
