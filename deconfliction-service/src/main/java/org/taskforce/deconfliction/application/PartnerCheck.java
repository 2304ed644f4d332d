package org.taskforce.deconfliction.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/** A partner system's "check before acting": pointer answers only, nothing registered. */
public final class PartnerCheck {
  /** The agency a partner system says it asks for: its id and name as the partner knows them. */
  public record RequestingAgency(String id, String displayName) {
    /** What the partner claims, for alerts and the audit trail ("" when it said nothing). */
    String claim() {
      return displayName.isBlank() ? id : displayName;
    }
  }

  /** Letters, digits, spaces and the punctuation of agency names; no markup, no line breaks. */
  private static final Pattern AGENCY_TEXT = Pattern.compile("[\\p{L}\\p{N} .,'&()/:#_-]*");

  static final int AGENCY_TEXT_MAX = 100;

  private final CheckLookup lookup;
  private final TargetRegistrations targets;
  private final EventRegistrations events;
  private final Function<String, String> agencyNames;
  private final AuditTrail audit;

  public PartnerCheck(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      Function<String, String> agencyNames,
      AuditTrail audit) {
    this.lookup = new CheckLookup(matcher, alerts);
    this.targets = targets;
    this.events = events;
    this.agencyNames = agencyNames;
    this.audit = audit;
  }

  /**
   * A partner system's check: pointer answers, nothing registered, the owners told. The agency the
   * partner says it asks for is checked (length, characters) and only ever shown as the partner's
   * claim — "AZ RMS (partner system of az-dps) says it asks for Phoenix PD" — never as the asker.
   */
  public CheckBeforeActing.Answer check(
      AgencyPrincipal caller,
      List<TargetSelector> selectors,
      EventRegistrations.Draft event,
      String purpose,
      String partnerReference,
      RequestingAgency requestingAgency) {
    DeconflictionAccessPolicy.requirePartnerSystem(caller);
    Violations violations = new Violations();
    violations.requireText("purpose", purpose);
    Bounds.text(purpose, Bounds.PURPOSE, "purpose", violations);
    checkAgencyText(requestingAgency.id(), "requesting_agency.agency_id", violations);
    checkAgencyText(requestingAgency.displayName(), "requesting_agency.display_name", violations);
    checkAgencyText(partnerReference, "partner_reference", violations);
    if (selectors.isEmpty() && event == null) {
      violations.add("selectors", "give the targets and/or the planned_event to check");
    }
    List<NormalizedSelector> normalized =
        targets.normalize(selectors, "selectors", violations, false);
    EventPlan plan = event == null ? null : events.plan(event, "planned_event", violations, true);
    violations.throwIfAny();
    String checkId = "pchk-" + UUID.randomUUID();
    String system =
        (caller.clientId().isBlank() ? caller.displayName() : caller.clientId())
            + " (partner system of "
            + agencyNames.apply(caller.agencyId())
            + ")";
    Agency asker = new Agency(caller.agencyId(), system, caller.agencyType().name());
    String claim = requestingAgency.claim();
    String says = claim.isBlank() ? "" : system + " says it asks for " + claim + ".";
    CheckLookup.Found found =
        lookup.lookUp(caller.agencyId(), checkId, asker, null, normalized, plan, says);
    List<Hit> hits = found.hits();
    Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("checkId", checkId);
    details.put("partnerReference", partnerReference);
    details.put("requestingAgency", claim);
    details.put("hits", String.valueOf(hits.size()));
    if (!found.crowded().isEmpty()) {
      details.put("crowdedNames", found.auditNote());
    }
    audit.record(caller, "check.partner", "checks/" + checkId, Outcome.SUCCESS, purpose, details);
    return new CheckBeforeActing.Answer(checkId, hits, List.of(), List.of(), "", found.crowded());
  }

  private static void checkAgencyText(String value, String field, Violations violations) {
    if (value.length() > AGENCY_TEXT_MAX) {
      violations.add(field, "at most " + AGENCY_TEXT_MAX + " characters");
    } else if (!AGENCY_TEXT.matcher(value).matches()) {
      violations.add(field, "only letters, digits, spaces and . , ' & ( ) / : # _ -");
    }
  }
}
