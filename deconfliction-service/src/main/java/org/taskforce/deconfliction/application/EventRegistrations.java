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
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.PostalAddress;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Planned operations: register, read and list an agency's own (changes are {@link
 * EventRegistrationChanges}).
 */
public final class EventRegistrations {
  private final EventStore store;
  private final Function<String, String> agencyNames;
  private final AuditTrail audit;
  private final Clock clock;
  private final DisclosurePolicy policy;
  private final PageTokens pageTokens;
  private final EventPlanChecks checks;
  private final RegistrationWrites<EventRegistration> writes;

  public EventRegistrations(
      EventStore store,
      TargetStore targets,
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
    this.checks = new EventPlanChecks(settings, targets, clock);
    this.writes =
        writing.of(
            new RegistrationWrites.Kind<>(
                PendingRegistrations.Kind.EVENT,
                RegistrationWrites.Seams.EVENT,
                "event registration",
                matcher::entries,
                r ->
                    recorder.recordEventFindings(
                        r, matcher.findEvents(r.agency().id(), r.plan(), r.id()))),
            store);
  }

  /** A planned operation as asked for; {@code plan} null when location or window are missing. */
  public record Draft(
      EventType type,
      Double latitude,
      Double longitude,
      double radiusMeters,
      Instant start,
      Instant end,
      PostalAddress address,
      Contact contact,
      List<String> linkedTargetIds,
      String caseReference,
      Disclosure disclosure) {}

  public record Result(EventRegistration registration, List<Hit> hits) {}

  public Result create(AgencyPrincipal caller, Draft draft, String requestId, String field) {
    return store(caller, prepare(caller, draft, requestId, field));
  }

  /**
   * A create's operation, validated and built as it will be stored (its id follows from the agency
   * and request id); nothing is stored yet.
   */
  public EventRegistration prepare(
      AgencyPrincipal caller, Draft draft, String requestId, String field) {
    DeconflictionAccessPolicy.requireActing(caller);
    Violations v = new Violations();
    EventPlan plan = checks.validate(caller, draft, field, v);
    Bounds.text(requestId, Bounds.ID, "request_id", v);
    v.throwIfAny();
    String id = RegistrationWrites.idFor("e-", caller, requestId);
    Stamp stamp =
        DeconflictionAccessPolicy.stamp(
            caller, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    return new EventRegistration(
        id,
        DeconflictionAccessPolicy.agency(caller, agencyNames.apply(caller.agencyId())),
        draft.type(),
        plan,
        draft.address(),
        draft.contact(),
        draft.linkedTargetIds() == null ? List.of() : draft.linkedTargetIds(),
        RegistrationChecks.nullToEmpty(draft.caseReference()),
        policy.disclosureFor(caller.agencyId(), draft.disclosure()),
        RegistrationStatus.ACTIVE,
        stamp,
        stamp,
        1);
  }

  /**
   * Stores a prepared operation and finishes its writes; its first store is audited as the caller's
   * create ({@code caller} null: the repair sweep storing what a check recorded).
   */
  public Result store(AgencyPrincipal caller, EventRegistration registration) {
    Optional<EventRegistration> earlier = writes.insert(registration);
    if (earlier.isPresent()) {
      return settle(earlier.get());
    }
    List<Hit> hits = writes.settle(registration);
    CreateAudit.record(
        audit,
        caller,
        registration.created(),
        "event.create",
        "events/" + registration.id(),
        Map.of("hits", String.valueOf(hits.size())));
    return new Result(registration, hits);
  }

  /** Finishes a stored operation's writes ({@link RegistrationWrites#settle}). */
  public Result settle(EventRegistration r) {
    return new Result(r, writes.settle(r));
  }

  /** Everything a create checks ({@link EventPlanChecks#validate}). */
  EventPlan validate(AgencyPrincipal caller, Draft draft, String field, Violations v) {
    return checks.validate(caller, draft, field, v);
  }

  /** A plan's location, radius and window ({@link EventPlanChecks#plan}). */
  EventPlan plan(Draft d, String field, Violations v, boolean required) {
    return checks.plan(d, field, v, required);
  }

  public EventRegistration get(AgencyPrincipal caller, String id) {
    DeconflictionAccessPolicy.requireActing(caller);
    EventRegistration r = writes.own(caller, id);
    audit.record(caller, "event.read", "events/" + id, Outcome.SUCCESS, "", Map.of());
    return r;
  }

  public Page<EventRegistration> list(
      AgencyPrincipal caller,
      Set<RegistrationStatus> statuses,
      Instant from,
      Instant to,
      int size,
      String token) {
    DeconflictionAccessPolicy.requireActing(caller);
    PageQuery query =
        PageQuery.of("deconfliction.events")
            .with("agency", caller.agencyId())
            .with("statuses", statuses)
            .with("from", from)
            .with("to", to);
    return pageTokens.page(
        query,
        token,
        size,
        (after, limit) -> store.list(caller.agencyId(), statuses, from, to, after, limit),
        EventStore::position);
  }

  EventPlanChecks checks() {
    return checks;
  }

  RegistrationWrites<EventRegistration> writes() {
    return writes;
  }
}
