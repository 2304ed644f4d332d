package org.taskforce.deconfliction.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Target registration: create, update selectors and contact, renew, withdraw, read and list an
 * agency's own. Input is validated completely before anything is stored; a registration is indexed
 * before it is matched, so of two agencies registering the same target at once at least one sees
 * the other, and the pair's conflict id makes sure only one conflict is stored.
 */
public final class TargetRegistrations {
  private final TargetStore store;
  private final MatchIndex index;
  private final Matcher matcher;
  private final SelectorNormalizer normalizer;
  private final DeconflictionSettings settings;
  private final Function<String, String> agencyNames;
  private final AuditTrail audit;
  private final Clock clock;
  private final DisclosurePolicy policy;
  private final PageTokens pageTokens;
  private final PendingRegistrations pending;
  private final CrashSeams seams;
  private final ConflictSides sides;

  public TargetRegistrations(
      TargetStore store,
      MatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      PendingRegistrations pending,
      CrashSeams seams,
      ConflictSides sides) {
    this.sides = sides;
    this.pending = pending;
    this.seams = seams;
    this.policy = policy;
    this.pageTokens = pageTokens;
    this.store = store;
    this.index = index;
    this.matcher = matcher;
    this.normalizer = new SelectorNormalizer(clock);
    this.settings = settings;
    this.agencyNames = agencyNames;
    this.audit = audit;
    this.clock = clock;
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
    Access.requireActing(caller);
    // Stored to the millisecond: the answer to a retry, read back, equals the first answer.
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Violations v = new Violations();
    List<NormalizedSelector> selectors =
        normalize(draft.selectors(), prefix(field) + "selectors", v, true);
    checkContact(draft.contact(), prefix(field) + "point_of_contact", v);
    Bounds.text(draft.caseReference(), Bounds.ID, prefix(field) + "case_reference", v);
    Bounds.text(requestId, Bounds.ID, "request_id", v);
    Instant expiry =
        draft.expireTime() == null ? now.plus(settings.defaultExpiry()) : draft.expireTime();
    checkExpiry(expiry, now, now, prefix(field) + "expire_time", v);
    v.throwIfAny();
    String id =
        requestId == null || requestId.isBlank()
            ? "t-" + UUID.randomUUID()
            : "t-"
                + UUID.nameUUIDFromBytes(
                    (caller.agencyId() + "|" + requestId).getBytes(StandardCharsets.UTF_8));
    Stamp stamp = Access.stamp(caller, now);
    TargetRegistration registration =
        new TargetRegistration(
                id,
                agency(caller),
                selectors,
                draft.contact(),
                nullToEmpty(draft.caseReference()),
                policy.disclosureFor(caller.agencyId(), draft.disclosure()),
                expiry,
                RegistrationStatus.ACTIVE,
                stamp,
                stamp,
                1)
            .withRequestId(requestId);
    return registration;
  }

  /**
   * Stores a prepared registration and finishes its writes; its first store is audited as the
   * caller's create ({@code caller} null: the repair sweep storing what a check recorded, audited
   * as the check's maker, see {@link CreateAudit}).
   */
  public Result store(AgencyPrincipal caller, TargetRegistration registration) {
    String id = registration.id();
    pending.begin(PendingRegistrations.Kind.TARGET, id, registration.created().time());
    if (!store.insert(registration)) {
      // A retried create: the first one stands, and whatever of it did not finish (index, match,
      // alerts) is finished now, so the answer is the one a first success would have given.
      return settle(store.find(id).orElseThrow());
    }
    seams.reached("target.stored");
    List<Hit> hits = settle(registration).hits();
    CreateAudit.record(
        audit,
        caller,
        registration.created(),
        "target.create",
        "targets/" + id,
        Map.of(
            "selectors",
            String.valueOf(registration.selectors().size()),
            "hits",
            String.valueOf(hits.size())));
    return new Result(registration, hits);
  }

  /**
   * Finishes a stored registration's writes: indexes it, records its conflicts, review items and
   * alerts (each idempotent, keyed by the pair), and clears its pending mark. Used by create, by a
   * retried create and by the repair sweep; returns the hits its owner may see.
   */
  public Result settle(TargetRegistration r) {
    List<PendingRegistrations.Retired> retired = pending.retired(r.id());
    if (!r.matchable(clock.instant())) {
      index.removeRetired(retired, Map.of());
      pending.finish(r.id());
      return new Result(r, List.of());
    }
    var entries = matcher.entries(r);
    index.add(entries);
    // A change that died before moving the entries left the old version's behind: take them out.
    index.removeRetired(retired, entries);
    if (r.version() > 1) {
      // What the other sides of its conflicts see follows the disclosure it has now.
      sides.rewrite(r.id(), r.contact(), r.disclosure());
    }
    seams.reached("target.indexed");
    List<Hit> hits =
        matcher.recordTargetFindings(
            r, matcher.findTargets(r.agency().id(), r.selectors(), r.id()));
    seams.reached("target.matched");
    pending.finish(r.id());
    return new Result(r, hits);
  }

  public TargetRegistration get(AgencyPrincipal caller, String id) {
    Access.requireActing(caller);
    TargetRegistration r = own(caller, id);
    audit.record(caller, "target.read", "targets/" + id, Outcome.SUCCESS, "", Map.of());
    return r;
  }

  public Page<TargetRegistration> list(
      AgencyPrincipal caller,
      Set<RegistrationStatus> statuses,
      String caseReference,
      int size,
      String token) {
    Access.requireActing(caller);
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

  public Result update(
      AgencyPrincipal caller, String id, long expectedVersion, Changes changes, String field) {
    Access.requireActing(caller);
    TargetRegistration current = own(caller, id);
    requireVersion(current, expectedVersion);
    if (current.status() != RegistrationStatus.ACTIVE) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_NOT_ACTIVE", "only active registrations can be changed");
    }
    Violations v = new Violations();
    List<NormalizedSelector> selectors =
        changes.selectorsSet()
            ? normalize(changes.selectors(), prefix(field) + "selectors", v, true)
            : current.selectors();
    Contact contact = changes.contactSet() ? changes.contact() : current.contact();
    Disclosure disclosure = changes.disclosureSet() ? changes.disclosure() : current.disclosure();
    checkContact(contact, prefix(field) + "point_of_contact", v);
    if (changes.caseReferenceSet()) {
      Bounds.text(changes.caseReference(), Bounds.ID, prefix(field) + "case_reference", v);
    }
    v.check(
        disclosure != null,
        prefix(field) + "disclosure_level",
        "is in the update mask: set the level to change to (OPEN, AGENCY_ONLY or RESTRICTED)");
    v.throwIfAny();
    TargetRegistration updated =
        current.with(
            selectors,
            contact,
            changes.caseReferenceSet()
                ? nullToEmpty(changes.caseReference())
                : current.caseReference(),
            disclosure,
            current.expireTime(),
            current.status(),
            Access.stamp(caller, clock.instant()));
    pending.begin(PendingRegistrations.Kind.TARGET, id, clock.instant(), matcher.entries(current));
    if (updated.disclosure() != current.disclosure()) {
      // Until the new version is stored, its conflicts show the stricter of the two levels.
      sides.rewrite(
          id,
          current.contact(),
          ConflictSides.stricter(current.disclosure(), updated.disclosure()));
    }
    replace(updated, current);
    List<Hit> hits = settle(updated).hits();
    audit.record(
        caller,
        "target.update",
        "targets/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("hits", String.valueOf(hits.size())));
    return new Result(updated, hits);
  }

  public TargetRegistration renew(
      AgencyPrincipal caller, String id, long expectedVersion, Instant expireTime) {
    Access.requireActing(caller);
    TargetRegistration current = own(caller, id);
    requireVersion(current, expectedVersion);
    Instant now = clock.instant();
    if (current.status() == RegistrationStatus.WITHDRAWN) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_WITHDRAWN", "a withdrawn registration cannot be renewed");
    }
    Instant expiry = expireTime == null ? now.plus(settings.defaultExpiry()) : expireTime;
    Violations v = new Violations();
    checkExpiry(expiry, now, current.created().time(), "expire_time", v);
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
    replace(renewed, current);
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
    TargetRegistration current = own(caller, id);
    requireVersion(current, expectedVersion);
    if (current.status() == RegistrationStatus.WITHDRAWN) {
      return current;
    }
    TargetRegistration withdrawn =
        current.withdrawn(nullToEmpty(reason), Access.stamp(caller, clock.instant()));
    replace(withdrawn, current);
    audit.record(
        caller,
        "target.withdraw",
        "targets/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("reason", withdrawn.statusReason()));
    return withdrawn;
  }

  /**
   * Stores the new version and moves its index entries; the old entries go only once it is stored.
   */
  private void replace(TargetRegistration updated, TargetRegistration current) {
    if (!store.replace(updated, current.version())) {
      throw TaskforceException.staleEtag("target registration", current.id());
    }
    seams.reached("target.replaced");
    index.move(
        matcher.entries(current),
        updated.status() == RegistrationStatus.ACTIVE ? matcher.entries(updated) : Map.of());
  }

  private TargetRegistration own(AgencyPrincipal caller, String id) {
    return store
        .find(id)
        .filter(r -> r.agency().id().equals(caller.agencyId()))
        .orElseThrow(() -> TaskforceException.notFound("target registration", id));
  }

  private static void requireVersion(TargetRegistration r, long expected) {
    if (expected != r.version()) {
      throw TaskforceException.staleEtag("target registration", r.id());
    }
  }

  List<NormalizedSelector> normalize(
      List<TargetSelector> selectors, String field, Violations v, boolean required) {
    List<NormalizedSelector> out = new ArrayList<>();
    if (required && selectors.isEmpty()) {
      v.add(field, "at least one selector is required");
    }
    if (selectors.size() > 50) {
      v.add(field, "at most 50 selectors per registration");
    }
    for (int i = 0; i < selectors.size(); i++) {
      TargetSelector s = selectors.get(i);
      if (s == null) {
        v.add(field + "[" + i + "]", "selector kind is not set");
        continue;
      }
      if (Bounds.selector(s, field + "[" + i + "]", v)) {
        normalizer.normalize(s, field + "[" + i + "]", v).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Whom to call: a name and a phone number or e-mail address; {@code f} is the field path. */
  static void checkContact(Contact contact, String f, Violations v) {
    Bounds.contact(contact, f, v);
    if (contact == null || contact.displayName().isBlank()) {
      v.add(f + ".display_name", "whom to call is required: the point of contact's name");
    } else if (contact.phone().isBlank() && contact.email().isBlank()) {
      v.add(f + ".phone", "the point of contact needs a phone number or an e-mail address");
    }
  }

  private void checkExpiry(
      Instant expiry, Instant now, Instant created, String field, Violations v) {
    if (!expiry.isAfter(now)) {
      v.add(field, "must be in the future");
    } else if (expiry.isAfter(created.plus(settings.maxLifetime()))) {
      v.add(field, "must be within 5 years of the registration (28 CFR Part 23 review period)");
    }
  }

  private Agency agency(AgencyPrincipal caller) {
    return Access.agency(caller, agencyNames.apply(caller.agencyId()));
  }

  static String prefix(String field) {
    return field.isEmpty() ? "" : field + ".";
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
