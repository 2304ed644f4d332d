package org.taskforce.deconfliction.application;

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
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * "Check before acting" for the task force's own people and for partner systems: every target and
 * event conflict, filtered by the owners' disclosure, optionally registering the ask at once. The
 * owners of matched records are told their subject was searched; every check is audited with its
 * stated purpose.
 */
public final class Checks {
  /** Said on every answer, hit or not, so that a restricted hit cannot be told from no hit. */
  public static final String POLICY_NOTE =
      "Pointer answers only: owners choose what a hit reveals. Restricted registrations are never"
          + " shown; their owners are alerted to every match and decide whether to contact you.";

  private final Matcher matcher;
  private final TargetRegistrations targets;
  private final EventRegistrations events;
  private final AlertComposer alerts;
  private final PartnerDirectory partners;
  private final Function<String, String> agencyNames;
  private final AuditTrail audit;

  public Checks(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      PartnerDirectory partners,
      Function<String, String> agencyNames,
      AuditTrail audit) {
    this.matcher = matcher;
    this.targets = targets;
    this.events = events;
    this.alerts = alerts;
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
      boolean includePartners) {}

  public record Answer(
      String checkId,
      List<Hit> hits,
      List<PartnerDirectory.PartnerResult> partnerAnswers,
      List<String> targetRegistrationIds,
      String eventRegistrationId) {}

  public Answer check(AgencyPrincipal caller, Ask ask) {
    Access.requireActing(caller);
    Violations v = new Violations();
    v.requireText("purpose", ask.purpose());
    if (ask.selectors().isEmpty() && ask.plannedEvent() == null) {
      v.add("selectors", "give the targets and/or the planned_event to check");
    }
    List<NormalizedSelector> selectors = targets.normalize(ask.selectors(), "selectors", v, false);
    EventPlan plan =
        ask.plannedEvent() == null
            ? null
            : events.plan(ask.plannedEvent(), "planned_event", v, true);
    if (ask.register()) {
      TargetRegistrations.checkContact(ask.contact(), "point_of_contact", v);
    }
    v.throwIfAny();
    String checkId = "chk-" + UUID.randomUUID();
    List<Hit> hits = new ArrayList<>();
    List<String> targetIds = new ArrayList<>();
    String eventId = "";
    Agency asker = Access.agency(caller, agencyNames.apply(caller.agencyId()));
    if (ask.register()) {
      if (!selectors.isEmpty()) {
        TargetRegistrations.Result r =
            targets.create(
                caller,
                new TargetRegistrations.Draft(
                    ask.selectors(), ask.contact(), ask.caseReference(), ask.disclosure(), null),
                checkId,
                "");
        targetIds.add(r.registration().id());
        hits.addAll(r.hits());
      }
      if (plan != null) {
        EventRegistrations.Draft d = ask.plannedEvent();
        EventRegistrations.Result r =
            events.create(
                caller,
                new EventRegistrations.Draft(
                    d.type() == null
                        ? org.taskforce.deconfliction.domain.EventType.OTHER
                        : d.type(),
                    d.latitude(),
                    d.longitude(),
                    d.radiusMeters(),
                    d.start(),
                    d.end(),
                    d.address(),
                    ask.contact(),
                    d.linkedTargetIds(),
                    ask.caseReference(),
                    ask.disclosure()),
                checkId,
                "planned_event");
        eventId = r.registration().id();
        hits.addAll(r.hits());
      }
    } else {
      hits = lookUp(caller.agencyId(), checkId, asker, ask.contact(), selectors, plan);
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
    audit.record(
        caller,
        "check.before-acting",
        "checks/" + checkId,
        Outcome.SUCCESS,
        ask.purpose(),
        details);
    return new Answer(checkId, hits, partnerAnswers, targetIds, eventId);
  }

  /**
   * A partner system's check: pointer answers, nothing registered, the owners told. The asking
   * agency as the partner names it is recorded in the audit trail.
   */
  public Answer partnerCheck(
      AgencyPrincipal caller,
      List<TargetSelector> selectors,
      EventRegistrations.Draft event,
      String purpose,
      String partnerReference,
      String requestingAgency) {
    Access.requirePartnerSystem(caller);
    Violations v = new Violations();
    v.requireText("purpose", purpose);
    if (selectors.isEmpty() && event == null) {
      v.add("selectors", "give the targets and/or the planned_event to check");
    }
    List<NormalizedSelector> normalized = targets.normalize(selectors, "selectors", v, false);
    EventPlan plan = event == null ? null : events.plan(event, "planned_event", v, true);
    v.throwIfAny();
    String checkId = "pchk-" + UUID.randomUUID();
    Agency asker =
        new Agency(
            caller.agencyId(),
            agencyNames.apply(caller.agencyId())
                + (requestingAgency.isBlank() ? "" : " for " + requestingAgency),
            caller.agencyType().name());
    List<Hit> hits = lookUp(caller.agencyId(), checkId, asker, null, normalized, plan);
    audit.record(
        caller,
        "check.partner",
        "checks/" + checkId,
        Outcome.SUCCESS,
        purpose,
        Map.of(
            "checkId",
            checkId,
            "partnerReference",
            partnerReference,
            "requestingAgency",
            requestingAgency,
            "hits",
            String.valueOf(hits.size())));
    return new Answer(checkId, hits, List.of(), List.of(), "");
  }

  /**
   * A check that registers nothing: the hits the asker may see, and a SUBJECT_SEARCHED alert to the
   * owner of every matched record (restricted ones included).
   */
  private List<Hit> lookUp(
      String askerAgencyId,
      String checkId,
      Agency asker,
      Contact askerContact,
      List<NormalizedSelector> selectors,
      EventPlan plan) {
    List<Hit> hits = new ArrayList<>();
    List<Notice> searched = new ArrayList<>();
    for (Matcher.TargetFinding f : matcher.findTargets(askerAgencyId, selectors, null)) {
      hits.add(matcher.targetHit(f, false));
      searched.add(
          alerts.subjectSearched(
              checkId,
              f.registration().id(),
              f.registration().agency(),
              f.registration().disclosure(),
              asker,
              askerContact,
              f.match().reasons()));
    }
    if (plan != null) {
      for (Matcher.EventFinding f : matcher.findEvents(askerAgencyId, plan, null)) {
        hits.add(matcher.eventHit(f.overlap(), f.registration(), ""));
        searched.add(
            alerts.subjectSearched(
                checkId,
                f.registration().id(),
                f.registration().agency(),
                f.registration().disclosure(),
                asker,
                askerContact,
                f.overlap().reasons()));
      }
    }
    if (!searched.isEmpty()) {
      alerts.port().sendAll(searched);
    }
    return DisclosurePolicy.visibleHits(hits);
  }
}
