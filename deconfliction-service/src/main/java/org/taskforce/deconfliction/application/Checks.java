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
  private final JointRegistrations joint;

  public Checks(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      PartnerDirectory partners,
      Function<String, String> agencyNames,
      AuditTrail audit,
      JointRegistrations joint) {
    this.joint = joint;
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
      boolean includePartners,
      String requestId) {}

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
    Bounds.text(ask.purpose(), Bounds.PURPOSE, "purpose", v);
    Bounds.text(ask.requestId(), Bounds.ID, "request_id", v);
    Bounds.text(ask.caseReference(), Bounds.ID, "case_reference", v);
    Bounds.contact(ask.contact(), "point_of_contact", v);
    if (ask.selectors().isEmpty() && ask.plannedEvent() == null) {
      v.add("selectors", "give the targets and/or the planned_event to check");
    }
    List<NormalizedSelector> selectors = targets.normalize(ask.selectors(), "selectors", v, false);
    EventPlan plan =
        ask.plannedEvent() == null || ask.register()
            ? null
            : events.plan(ask.plannedEvent(), "planned_event", v, true);
    EventRegistrations.Draft event = null;
    if (ask.register()) {
      RegistrationChecks.checkContact(ask.contact(), "point_of_contact", v);
      if (ask.plannedEvent() != null) {
        EventRegistrations.Draft d = ask.plannedEvent();
        event =
            new EventRegistrations.Draft(
                d.type() == null ? org.taskforce.deconfliction.domain.EventType.OTHER : d.type(),
                d.latitude(),
                d.longitude(),
                d.radiusMeters(),
                d.start(),
                d.end(),
                d.address(),
                ask.contact(),
                d.linkedTargetIds(),
                ask.caseReference(),
                ask.disclosure());
        // Everything the event's registration would refuse is refused before the targets are
        // stored: targets and operation are registered together or not at all.
        plan = events.validate(caller, event, "planned_event", v);
      }
    }
    v.throwIfAny();
    // With a request id the check's id — and so the ids of what it registers — is the same on
    // every retry: a retry registers nothing twice, finishes what an interrupted attempt began
    // and answers as the first did.
    String checkId =
        ask.requestId() == null || ask.requestId().isBlank()
            ? "chk-" + UUID.randomUUID()
            : "chk-"
                + UUID.nameUUIDFromBytes(
                    (caller.agencyId() + "|check|" + ask.requestId())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<Hit> hits = new ArrayList<>();
    List<String> targetIds = new ArrayList<>();
    String eventId = "";
    Agency asker = Access.agency(caller, agencyNames.apply(caller.agencyId()));
    if (ask.register()) {
      // Both built (and validated) before either is stored; registered together or not at all.
      JointRegistrations.Registered r =
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
      targetIds.addAll(r.targetIds());
      eventId = r.eventId();
      hits.addAll(r.hits());
    } else {
      hits = lookUp(caller.agencyId(), checkId, asker, ask.contact(), selectors, plan, "");
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

  /** The agency a partner system says it asks for: its id and name as the partner knows them. */
  public record RequestingAgency(String id, String displayName) {
    /** What the partner claims, for alerts and the audit trail ("" when it said nothing). */
    String claim() {
      return displayName.isBlank() ? id : displayName;
    }
  }

  /** Letters, digits, spaces and the punctuation of agency names; no markup, no line breaks. */
  private static final java.util.regex.Pattern AGENCY_TEXT =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N} .,'&()/:#_-]*");

  static final int AGENCY_TEXT_MAX = 100;

  /**
   * A partner system's check: pointer answers, nothing registered, the owners told. The agency the
   * partner says it asks for is checked (length, characters) and only ever shown as the partner's
   * claim — "AZ RMS (partner system of az-dps) says it asks for Phoenix PD" — never as the asker.
   */
  public Answer partnerCheck(
      AgencyPrincipal caller,
      List<TargetSelector> selectors,
      EventRegistrations.Draft event,
      String purpose,
      String partnerReference,
      RequestingAgency requestingAgency) {
    Access.requirePartnerSystem(caller);
    Violations v = new Violations();
    v.requireText("purpose", purpose);
    Bounds.text(purpose, Bounds.PURPOSE, "purpose", v);
    checkAgencyText(requestingAgency.id(), "requesting_agency.agency_id", v);
    checkAgencyText(requestingAgency.displayName(), "requesting_agency.display_name", v);
    checkAgencyText(partnerReference, "partner_reference", v);
    if (selectors.isEmpty() && event == null) {
      v.add("selectors", "give the targets and/or the planned_event to check");
    }
    List<NormalizedSelector> normalized = targets.normalize(selectors, "selectors", v, false);
    EventPlan plan = event == null ? null : events.plan(event, "planned_event", v, true);
    v.throwIfAny();
    String checkId = "pchk-" + UUID.randomUUID();
    String system =
        (caller.clientId().isBlank() ? caller.displayName() : caller.clientId())
            + " (partner system of "
            + agencyNames.apply(caller.agencyId())
            + ")";
    Agency asker = new Agency(caller.agencyId(), system, caller.agencyType().name());
    String claim = requestingAgency.claim();
    String says = claim.isBlank() ? "" : system + " says it asks for " + claim + ".";
    List<Hit> hits = lookUp(caller.agencyId(), checkId, asker, null, normalized, plan, says);
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
            claim,
            "hits",
            String.valueOf(hits.size())));
    return new Answer(checkId, hits, List.of(), List.of(), "");
  }

  private static void checkAgencyText(String value, String field, Violations v) {
    if (value.length() > AGENCY_TEXT_MAX) {
      v.add(field, "at most " + AGENCY_TEXT_MAX + " characters");
    } else if (!AGENCY_TEXT.matcher(value).matches()) {
      v.add(field, "only letters, digits, spaces and . , ' & ( ) / : # _ -");
    }
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
      EventPlan plan,
      String onBehalfClaim) {
    List<Hit> hits = new ArrayList<>();
    List<Notice> searched = new ArrayList<>();
    for (Matcher.OwnerFinding f : matcher.findOwners(askerAgencyId, selectors)) {
      hits.add(Hits.owner(f));
      searched.add(
          alerts.subjectSearched(
              checkId,
              f.owner().id(),
              f.owner().agency(),
              f.owner().disclosure(),
              asker,
              askerContact,
              f.match().reasons(),
              onBehalfClaim));
    }
    if (plan != null) {
      for (Matcher.EventFinding f : matcher.findEvents(askerAgencyId, plan, null)) {
        hits.add(Hits.event(f.overlap(), f.registration(), ""));
        searched.add(
            alerts.subjectSearched(
                checkId,
                f.registration().id(),
                f.registration().agency(),
                f.registration().disclosure(),
                asker,
                askerContact,
                f.overlap().reasons(),
                onBehalfClaim));
      }
    }
    if (!searched.isEmpty()) {
      alerts.port().sendAll(searched);
    }
    return DisclosurePolicy.visibleHits(hits);
  }
}
