package org.taskforce.deconfliction.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/** Planned operations: register, update, cancel, read and list an agency's own. */
public final class EventRegistrations {
  private final EventStore store;
  private final TargetStore targets;
  private final MatchIndex index;
  private final Matcher matcher;
  private final DeconflictionSettings settings;
  private final Function<String, String> agencyNames;
  private final AuditTrail audit;
  private final Clock clock;
  private final DisclosurePolicy policy;
  private final PageTokens pageTokens;
  private final PendingRegistrations pending;
  private final CrashSeams seams;
  private final ConflictSides sides;

  public EventRegistrations(
      EventStore store,
      TargetStore targets,
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
    this.targets = targets;
    this.index = index;
    this.matcher = matcher;
    this.settings = settings;
    this.agencyNames = agencyNames;
    this.audit = audit;
    this.clock = clock;
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
    Access.requireActing(caller);
    Violations v = new Violations();
    EventPlan plan = validate(caller, draft, field, v);
    Bounds.text(requestId, Bounds.ID, "request_id", v);
    v.throwIfAny();
    String id =
        requestId == null || requestId.isBlank()
            ? "e-" + UUID.randomUUID()
            : "e-"
                + UUID.nameUUIDFromBytes(
                    (caller.agencyId() + "|" + requestId).getBytes(StandardCharsets.UTF_8));
    Stamp stamp =
        Access.stamp(caller, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    EventRegistration registration =
        new EventRegistration(
            id,
            Access.agency(caller, agencyNames.apply(caller.agencyId())),
            draft.type(),
            plan,
            draft.address(),
            draft.contact(),
            draft.linkedTargetIds() == null ? List.of() : draft.linkedTargetIds(),
            TargetRegistrations.nullToEmpty(draft.caseReference()),
            policy.disclosureFor(caller.agencyId(), draft.disclosure()),
            RegistrationStatus.ACTIVE,
            stamp,
            stamp,
            1);
    return registration;
  }

  /**
   * Stores a prepared operation and finishes its writes; its first store is audited as the caller's
   * create ({@code caller} null: the repair sweep storing what a check recorded).
   */
  public Result store(AgencyPrincipal caller, EventRegistration registration) {
    String id = registration.id();
    pending.begin(PendingRegistrations.Kind.EVENT, id, registration.created().time());
    if (!store.insert(registration)) {
      // A retried create finishes what the first began and answers as a first success would.
      return settle(store.find(id).orElseThrow());
    }
    seams.reached("event.stored");
    List<Hit> hits = settle(registration).hits();
    CreateAudit.record(
        audit,
        caller,
        registration.created(),
        "event.create",
        "events/" + id,
        Map.of("hits", String.valueOf(hits.size())));
    return new Result(registration, hits);
  }

  /** Everything a create checks; the plan, or null with violations added to {@code v}. */
  EventPlan validate(AgencyPrincipal caller, Draft draft, String field, Violations v) {
    EventPlan plan = plan(draft, field, v, true);
    checkBounds(caller, draft, field, v);
    if (draft.type() == null) {
      v.add(TargetRegistrations.prefix(field) + "event_type", "the kind of operation is required");
    }
    TargetRegistrations.checkContact(
        draft.contact(), TargetRegistrations.prefix(field) + "on_scene_contact", v);
    return plan;
  }

  /** Sizes, and linked target registrations that must be the caller's agency's own. */
  private void checkBounds(AgencyPrincipal caller, Draft d, String field, Violations v) {
    String f = TargetRegistrations.prefix(field);
    Bounds.address(d.address(), f + "address", v);
    Bounds.text(d.caseReference(), Bounds.ID, f + "case_reference", v);
    List<String> linked = d.linkedTargetIds() == null ? List.of() : d.linkedTargetIds();
    Bounds.count(linked.size(), Bounds.LINKED_IDS, f + "linked_target_registration_ids", v);
    if (linked.size() > Bounds.LINKED_IDS) {
      return;
    }
    List<String> wellFormed = new java.util.ArrayList<>();
    for (int i = 0; i < linked.size(); i++) {
      String id = linked.get(i);
      if (id.isBlank() || id.length() > Bounds.ID) {
        v.add(f + "linked_target_registration_ids[" + i + "]", "an id of at most 128 characters");
      } else {
        wellFormed.add(id);
      }
    }
    java.util.Set<String> own = new java.util.HashSet<>();
    targets.findAll(wellFormed).stream()
        .filter(r -> r.agency().id().equals(caller.agencyId()))
        .forEach(r -> own.add(r.id()));
    for (int i = 0; i < linked.size(); i++) {
      String id = linked.get(i);
      if (!id.isBlank() && id.length() <= Bounds.ID && !own.contains(id)) {
        // Someone else's registration and one that does not exist read the same.
        v.add(
            f + "linked_target_registration_ids[" + i + "]",
            "not a target registration of your agency");
      }
    }
  }

  /**
   * Finishes a stored event's writes: indexes it, records its conflicts and alerts (idempotent,
   * keyed by the pair) and clears its pending mark. Used by create, a retried create, update and
   * the repair sweep.
   */
  public Result settle(EventRegistration r) {
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
    seams.reached("event.indexed");
    List<Hit> hits =
        matcher.recordEventFindings(r, matcher.findEvents(r.agency().id(), r.plan(), r.id()));
    seams.reached("event.matched");
    pending.finish(r.id());
    return new Result(r, hits);
  }

  /** Validates location, radius and window; null (with violations) when they are not usable. */
  EventPlan plan(Draft d, String field, Violations v, boolean required) {
    String f = TargetRegistrations.prefix(field);
    var rules = settings.eventRules();
    if (d.latitude() == null || d.longitude() == null) {
      v.add(f + "location", "the operation's location (latitude and longitude) is required");
    } else {
      v.check(
          d.latitude() >= -90 && d.latitude() <= 90,
          f + "location.latitude",
          "must be between -90 and 90");
      v.check(
          d.longitude() >= -180 && d.longitude() <= 180,
          f + "location.longitude",
          "must be between -180 and 180");
      v.check(
          !(d.latitude() == 0 && d.longitude() == 0),
          f + "location",
          "0,0 is not a place of operation; the location is probably missing");
    }
    if (!(d.radiusMeters() > 0) || d.radiusMeters() > rules.maxRadiusMeters()) {
      v.add(
          f + "radius_meters",
          "must be more than 0 and at most " + (long) rules.maxRadiusMeters() + " m");
    }
    if (d.start() == null || d.end() == null) {
      v.add(f + "time_window", "start and end time are required");
    } else if (!d.end().isAfter(d.start())) {
      v.add(f + "time_window.end_time", "must be after the start time");
    } else if (Duration.between(d.start(), d.end()).compareTo(rules.maxDuration()) > 0) {
      v.add(
          f + "time_window",
          "an operation may last at most "
              + rules.maxDuration().toDays()
              + " days; register longer surveillance in parts");
    } else if (!d.end().isAfter(clock.instant())) {
      v.add(f + "time_window.end_time", "the operation is over; register planned operations");
    }
    if (!v.isEmpty()) {
      return null;
    }
    return new EventPlan(d.latitude(), d.longitude(), d.radiusMeters(), d.start(), d.end());
  }

  public EventRegistration get(AgencyPrincipal caller, String id) {
    Access.requireActing(caller);
    EventRegistration r = own(caller, id);
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
    Access.requireActing(caller);
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

  public Result update(
      AgencyPrincipal caller, String id, long expectedVersion, Draft merged, String field) {
    Access.requireActing(caller);
    EventRegistration current = own(caller, id);
    if (expectedVersion != current.version()) {
      throw TaskforceException.staleEtag("event registration", id);
    }
    if (current.status() != RegistrationStatus.ACTIVE) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_NOT_ACTIVE", "only active registrations can be changed");
    }
    Violations v = new Violations();
    EventPlan plan = plan(merged, field, v, true);
    checkBounds(caller, merged, field, v);
    TargetRegistrations.checkContact(
        merged.contact(), TargetRegistrations.prefix(field) + "on_scene_contact", v);
    v.check(
        merged.type() != null,
        TargetRegistrations.prefix(field) + "event_type",
        "is in the update mask: set the kind of operation to change to");
    v.check(
        merged.disclosure() != null,
        TargetRegistrations.prefix(field) + "disclosure_level",
        "is in the update mask: set the level to change to (OPEN, AGENCY_ONLY or RESTRICTED)");
    v.throwIfAny();
    EventRegistration updated =
        new EventRegistration(
            id,
            current.agency(),
            merged.type(),
            plan,
            merged.address(),
            merged.contact(),
            merged.linkedTargetIds(),
            TargetRegistrations.nullToEmpty(merged.caseReference()),
            merged.disclosure(),
            RegistrationStatus.ACTIVE,
            current.created(),
            Access.stamp(caller, clock.instant()),
            current.version() + 1);
    pending.begin(PendingRegistrations.Kind.EVENT, id, clock.instant(), matcher.entries(current));
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
        "event.update",
        "events/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("hits", String.valueOf(hits.size())));
    return new Result(updated, hits);
  }

  public EventRegistration cancel(
      AgencyPrincipal caller, String id, long expectedVersion, String reason) {
    Access.requireActing(caller);
    Violations v = new Violations();
    Bounds.text(reason, Bounds.NOTE, "reason", v);
    v.throwIfAny();
    EventRegistration current = own(caller, id);
    if (expectedVersion != current.version()) {
      throw TaskforceException.staleEtag("event registration", id);
    }
    if (current.status() == RegistrationStatus.CANCELLED) {
      return current;
    }
    EventRegistration cancelled =
        new EventRegistration(
            id,
            current.agency(),
            current.type(),
            current.plan(),
            current.address(),
            current.contact(),
            current.linkedTargetIds(),
            current.caseReference(),
            current.disclosure(),
            RegistrationStatus.CANCELLED,
            current.created(),
            Access.stamp(caller, clock.instant()),
            current.version() + 1,
            TargetRegistrations.nullToEmpty(reason));
    replace(cancelled, current);
    audit.record(
        caller,
        "event.cancel",
        "events/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("reason", cancelled.statusReason()));
    return cancelled;
  }

  private void replace(EventRegistration updated, EventRegistration current) {
    if (!store.replace(updated, current.version())) {
      throw TaskforceException.staleEtag("event registration", current.id());
    }
    seams.reached("event.replaced");
    index.move(
        matcher.entries(current),
        updated.status() == RegistrationStatus.ACTIVE ? matcher.entries(updated) : Map.of());
  }

  private EventRegistration own(AgencyPrincipal caller, String id) {
    return store
        .find(id)
        .filter(r -> r.agency().id().equals(caller.agencyId()))
        .orElseThrow(() -> TaskforceException.notFound("event registration", id));
  }
}
