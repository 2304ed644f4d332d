package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Target registration: create, read and list an agency's own (changes are {@link
 * TargetRegistrationChanges}). Input is validated completely before anything is stored; a
 * registration is indexed before it is matched, so of two agencies registering the same target at
 * once at least one sees the other, and the pair's conflict id makes sure only one conflict is
 * stored.
 */
public final class TargetRegistrations {
  private final TargetStore store;
  private final Function<String, String> agencyNames;
  private final AuditTrail audit;
  private final Clock clock;
  private final DisclosurePolicy policy;
  private final PageTokens pageTokens;
  private final TargetDraftChecks checks;
  private final RegistrationWrites<TargetRegistration> writes;

  public TargetRegistrations(
      TargetStore store,
      Matcher matcher,
      FindingRecorder recorder,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      RegistrationWriting writing) {
    this.store = store;
    this.agencyNames = agencyNames;
    this.audit = audit;
    this.clock = clock;
    this.policy = policy;
    this.pageTokens = pageTokens;
    this.checks = new TargetDraftChecks(clock, settings);
    this.writes =
        writing.of(
            new RegistrationWrites.Kind<>(
                PendingRegistrations.Kind.TARGET,
                RegistrationWrites.Seams.TARGET,
                "target registration",
                matcher::entries,
                registration ->
                    recorder.recordTargetFindings(
                        registration,
                        matcher.findTargets(
                            registration.agency().id(),
                            registration.selectors(),
                            registration.id()))),
            store);
  }

  /** What a caller asks to register. */
  public record Draft(
      List<TargetSelector> selectors,
      Contact contact,
      String caseReference,
      Disclosure disclosure,
      Instant expireTime) {}

  public record Result(TargetRegistration registration, List<Hit> hits) {}

  public Result create(AgencyPrincipal caller, Draft draft, String requestId, String field) {
    return store(caller, prepare(caller, draft, requestId, field));
  }

  /**
   * A create's registration, validated and built as it will be stored (its id follows from the
   * agency and request id); nothing is stored yet.
   */
  public TargetRegistration prepare(
      AgencyPrincipal caller, Draft draft, String requestId, String field) {
    DeconflictionAccessPolicy.requireActing(caller);
    // Stored to the millisecond: the answer to a retry, read back, equals the first answer.
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
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
            policy.disclosureFor(caller.agencyId(), draft.disclosure()),
            expiry,
            RegistrationStatus.ACTIVE,
            stamp,
            stamp,
            1)
        .withRequestId(requestId);
  }

  /**
   * Stores a prepared registration and finishes its writes; its first store is audited as the
   * caller's create ({@code caller} null: the repair sweep storing what a check recorded, audited
   * as the check's maker, see {@link CreateAudit}).
   */
  public Result store(AgencyPrincipal caller, TargetRegistration registration) {
    Optional<TargetRegistration> earlier = writes.insert(registration);
    if (earlier.isPresent()) {
      return settle(earlier.get());
    }
    List<Hit> hits = writes.settle(registration);
    CreateAudit.record(
        audit,
        caller,
        registration.created(),
        "target.create",
        "targets/" + registration.id(),
        Map.of(
            "selectors",
            String.valueOf(registration.selectors().size()),
            "hits",
            String.valueOf(hits.size())));
    return new Result(registration, hits);
  }

  /** Finishes a stored registration's writes ({@link RegistrationWrites#settle}). */
  public Result settle(TargetRegistration registration) {
    return new Result(registration, writes.settle(registration));
  }

  public TargetRegistration get(AgencyPrincipal caller, String id) {
    DeconflictionAccessPolicy.requireActing(caller);
    TargetRegistration registration = writes.own(caller, id);
    audit.record(caller, "target.read", "targets/" + id, Outcome.SUCCESS, "", Map.of());
    return registration;
  }

  public Page<TargetRegistration> list(
      AgencyPrincipal caller,
      Set<RegistrationStatus> statuses,
      String caseReference,
      int size,
      String token) {
    DeconflictionAccessPolicy.requireActing(caller);
    PageQuery query =
        PageQuery.of("deconfliction.targets")
            .with("agency", caller.agencyId())
            .with("statuses", statuses)
            .with("case_reference", caseReference);
    return pageTokens.page(
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

  RegistrationWrites<TargetRegistration> writes() {
    return writes;
  }
}
