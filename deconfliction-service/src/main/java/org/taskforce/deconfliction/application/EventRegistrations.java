package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Planned operations: register, read and list an agency's own (changes are {@link
 * EventRegistrationChanges}).
 */
public final class EventRegistrations
    extends RegistrationLifecycle<EventRegistration, EventRegistrations.Draft> {
  private final EventStore store;
  private final Function<String, String> agencyNames;
  private final EventPlanChecks checks;

  public EventRegistrations(
      EventStore store,
      TargetStore targets,
      Function<String, String> agencyNames,
      RegistrationServices services) {
    super(
        "event",
        services,
        new RegistrationWrites.Kind<>(
            PendingRegistrations.Kind.EVENT,
            RegistrationWrites.Seams.EVENT,
            "event registration",
            services.matcher()::entries,
            r ->
                services
                    .recorder()
                    .recordEventFindings(
                        r, services.matcher().findEvents(r.agency().id(), r.plan(), r.id()))),
        store);
    this.store = store;
    this.agencyNames = agencyNames;
    this.checks = new EventPlanChecks(services.settings(), targets, services.clock());
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

  @Override
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
            caller, services().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    return new EventRegistration(
        id,
        DeconflictionAccessPolicy.agency(caller, agencyNames.apply(caller.agencyId())),
        draft.type(),
        plan,
        draft.address(),
        draft.contact(),
        draft.linkedTargetIds() == null ? List.of() : draft.linkedTargetIds(),
        RegistrationChecks.nullToEmpty(draft.caseReference()),
        services().policy().disclosureFor(caller.agencyId(), draft.disclosure()),
        RegistrationStatus.ACTIVE,
        stamp,
        stamp,
        1,
        "");
  }

  @Override
  Map<String, String> createDetails(EventRegistration registration, List<Hit> hits) {
    return Map.of("hits", String.valueOf(hits.size()));
  }

  /** Everything a create checks ({@link EventPlanChecks#validate}). */
  EventPlan validate(AgencyPrincipal caller, Draft draft, String field, Violations v) {
    return checks.validate(caller, draft, field, v);
  }

  /** A plan's location, radius and window ({@link EventPlanChecks#plan}). */
  EventPlan plan(Draft d, String field, Violations v, boolean required) {
    return checks.plan(d, field, v, required);
  }

  public Page<EventRegistration> list(
      AgencyPrincipal caller,
      Set<RegistrationStatus> statuses,
      Instant from,
      Instant to,
      int size,
      String token) {
    PageQuery query = ownQuery(caller, statuses).with("from", from).with("to", to);
    return page(
        query,
        token,
        size,
        (after, limit) -> store.list(caller.agencyId(), statuses, from, to, after, limit),
        EventStore::position);
  }

  EventPlanChecks checks() {
    return checks;
  }
}
