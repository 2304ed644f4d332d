package org.taskforce.cases.intake.application;

import java.time.Clock;
import java.util.List;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Tips arriving: typed in one by one or imported in bulk. Each is validated whole before anything
 * is stored; then {@link TipArrival} deconflicts, stores and announces them.
 */
public final class Intake {
  public static final int MAX_IMPORT = 1000;

  private final TipArrival arrival;
  private final AgencyDirectory agencies;
  private final IntakeSettings settings;
  private final Clock clock;

  public Intake(
      TipArrival arrival, AgencyDirectory agencies, IntakeSettings settings, Clock clock) {
    this.arrival = arrival;
    this.agencies = agencies;
    this.settings = settings;
    this.clock = clock;
  }

  public Tip create(AgencyPrincipal caller, NewTip draft, String requestId) {
    TipAccess.requireCreator(caller);
    Violations v = new Violations();
    draft.validate(v, "tip.", clock.instant());
    String receiving =
        receiving(
            v,
            "tip.receiving_agency_id",
            draft.receivingAgencyId().isEmpty()
                ? settings.intakeAgencyId()
                : draft.receivingAgencyId());
    IdChecks.checkLength(v, "request_id", requestId);
    v.throwIfAny();
    return arrival
        .arrive(caller, List.of(draft), List.of(requestId), receiving, i -> "tip.")
        .getFirst();
  }

  /**
   * CyberTipline reports, all or nothing: every report is validated before any is stored. A report
   * imported before (same receiving agency and report number) answers with its tip.
   */
  public List<Tip> importAll(AgencyPrincipal caller, List<NewTip> reports, String receivingAgency) {
    TipAccess.requireImporter(caller);
    Violations v = new Violations();
    v.check(!reports.isEmpty(), "reports", "at least one report is required");
    v.check(reports.size() <= MAX_IMPORT, "reports", "at most " + MAX_IMPORT + " per call");
    for (int i = 0; i < reports.size() && i < MAX_IMPORT; i++) {
      reports.get(i).validate(v, "reports[" + i + "].", clock.instant());
    }
    String receiving =
        receiving(
            v,
            "receiving_agency_id",
            receivingAgency == null || receivingAgency.isBlank()
                ? caller.agencyId()
                : receivingAgency);
    v.throwIfAny();
    List<String> requestIds =
        reports.stream().map(r -> "cybertipline:" + r.sourceReference()).toList();
    return arrival.arrive(caller, reports, requestIds, receiving, i -> "reports[" + i + "].");
  }

  private String receiving(Violations v, String field, String id) {
    var agency = agencies.find(id);
    v.check(agency.isPresent(), field, "is not an agency of the task force");
    v.check(
        agency.isEmpty() || TipAccess.canReceive(agency.get().type()),
        field,
        "must be a law-enforcement agency (tips are deconflicted in its name)");
    return id;
  }
}
