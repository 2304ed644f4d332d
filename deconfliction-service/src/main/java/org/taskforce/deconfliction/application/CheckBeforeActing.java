package org.taskforce.deconfliction.application;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * "Check before acting" for the task force's own people: every target and event conflict, filtered
 * by the owners' disclosure, optionally registering the ask at once. The owners of matched records
 * are told their subject was searched; every check is audited with its stated purpose. Partner
 * systems check through {@link PartnerCheck}.
 */
public final class CheckBeforeActing {
  /** Said on every answer, hit or not, so that a restricted hit cannot be told from no hit. */
  public static final String POLICY_NOTE =
      "Pointer answers only: owners choose what a hit reveals. Restricted registrations are never"
          + " shown; their owners are alerted to every match and decide whether to contact you.";

  private final CheckLookup lookup;
  private final TargetRegistrations targets;
  private final EventRegistrations events;
  private final PartnerDirectory partners;
  private final Function<String, String> agencyNames;
  private final AuditTrail audit;
  private final JointRegistrations joint;

  public CheckBeforeActing(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      PartnerDirectory partners,
      Function<String, String> agencyNames,
      AuditTrail audit,
      JointRegistrations joint) {
    this.joint = joint;
    this.lookup = new CheckLookup(matcher, alerts);
    this.targets = targets;
    this.events = events;
    this.partners = partners;
    this.agencyNames = agencyNames;
    this.audit = audit;
  }

  public record Ask(
      List<TargetSelector> selectors,
      EventRegistrations.Draft plannedEvent,
      String purpose,
      boolean register,
      Contact contact,
      Disclosure disclosure,
      String caseReference,
      boolean includePartners,
      String requestId) {}

  public record Answer(
      String checkId,
      List<Hit> hits,
      List<PartnerDirectory.PartnerResult> partnerAnswers,
      List<String> targetRegistrationIds,
      String eventRegistrationId,
      List<NameOnlyBound.Crowded> crowdedNames) {}

  public Answer check(AgencyPrincipal caller, Ask ask) {
    DeconflictionAccessPolicy.requireActing(caller);
    Violations violations = new Violations();
    violations.requireText("purpose", ask.purpose());
    Bounds.text(ask.purpose(), Bounds.PURPOSE, "purpose", violations);
    Bounds.text(ask.requestId(), Bounds.ID, "request_id", violations);
    Bounds.text(ask.caseReference(), Bounds.ID, "case_reference", violations);
    Bounds.contact(ask.contact(), "point_of_contact", violations);
    if (ask.selectors().isEmpty() && ask.plannedEvent() == null) {
      violations.add("selectors", "give the targets and/or the planned_event to check");
    }
    List<NormalizedSelector> selectors =
        targets.normalize(ask.selectors(), "selectors", violations, false);
    EventPlan plan =
        ask.plannedEvent() == null || ask.register()
            ? null
            : events.plan(ask.plannedEvent(), "planned_event", violations, true);
    EventRegistrations.Draft event = null;
    if (ask.register()) {
      RegistrationChecks.checkContact(ask.contact(), "point_of_contact", violations);
      if (ask.plannedEvent() != null) {
        EventRegistrations.Draft planned = ask.plannedEvent();
        event =
            new EventRegistrations.Draft(
                planned.type() == null ? EventType.OTHER : planned.type(),
                planned.latitude(),
                planned.longitude(),
                planned.radiusMeters(),
                planned.start(),
                planned.end(),
                planned.address(),
                ask.contact(),
                planned.linkedTargetIds(),
                ask.caseReference(),
                ask.disclosure());
        // Everything the event's registration would refuse is refused before the targets are
        // stored: targets and operation are registered together or not at all.
        plan = events.validate(caller, event, "planned_event", violations);
      }
    }
    violations.throwIfAny();
    // With a request id the check's id — and so the ids of what it registers — is the same on
    // every retry: a retry registers nothing twice, finishes what an interrupted attempt began
    // and answers as the first did.
    String checkId =
        ask.requestId() == null || ask.requestId().isBlank()
            ? "chk-" + UUID.randomUUID()
            : "chk-"
                + UUID.nameUUIDFromBytes(
                    (caller.agencyId() + "|check|" + ask.requestId())
                        .getBytes(StandardCharsets.UTF_8));
    List<Hit> hits = new ArrayList<>();
    List<String> targetIds = new ArrayList<>();
    String eventId = "";
    CheckLookup.Found found = null;
    Agency asker = DeconflictionAccessPolicy.agency(caller, agencyNames.apply(caller.agencyId()));
    if (ask.register()) {
      // Both built (and validated) before either is stored; registered together or not at all.
      JointRegistrations.Registered registered =
          joint.register(
              caller,
              checkId,
              selectors.isEmpty()
                  ? null
                  : targets.prepare(
                      caller,
                      new TargetRegistrations.Draft(
                          ask.selectors(),
                          ask.contact(),
                          ask.caseReference(),
                          ask.disclosure(),
                          null),
                      checkId,
                      ""),
              event == null ? null : events.prepare(caller, event, checkId, "planned_event"));
      targetIds.addAll(registered.targetIds());
      eventId = registered.eventId();
      hits.addAll(registered.hits());
    } else {
      found = lookup.lookUp(caller.agencyId(), checkId, asker, ask.contact(), selectors, plan, "");
      hits = found.hits();
    }
    List<PartnerDirectory.PartnerResult> partnerAnswers =
        ask.includePartners()
            ? partners.ask(ask.selectors(), plan, ask.purpose(), caller.agencyId())
            : List.of();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("checkId", checkId);
    details.put("selectors", String.valueOf(selectors.size()));
    details.put("event", String.valueOf(plan != null));
    details.put("hits", String.valueOf(hits.size()));
    details.put("registered", String.valueOf(ask.register()));
    if (found != null && !found.crowded().isEmpty()) {
      details.put("crowdedNames", found.auditNote());
    }
    audit.record(
        caller,
        "check.before-acting",
        "checks/" + checkId,
        Outcome.SUCCESS,
        ask.purpose(),
        details);
    return new Answer(
        checkId,
        hits,
        partnerAnswers,
        targetIds,
        eventId,
        found == null ? List.of() : found.crowded());
  }
}
