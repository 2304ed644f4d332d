package org.taskforce.cases.reporting.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.taskforce.cases.application.CaseView;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.application.MeasureDefinition.Tally;
import org.taskforce.cases.reporting.domain.VictimPerson;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.reporting.MeasureRow;
import org.taskforce.platform.reporting.RecordQuery;
import org.taskforce.platform.reporting.RecordRequests;
import org.taskforce.platform.reporting.ReportAccess;
import org.taskforce.platform.reporting.ReportAudit;
import org.taskforce.platform.reporting.ReportCalls;
import org.taskforce.platform.reporting.ReportPeriod;
import org.taskforce.platform.reporting.ReportResult;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * case-service's report: the measures of {@link CaseMeasures} over a period, for the task force or
 * one agency's share (decided by the caller's roles, {@link ReportAccess}), and the records behind
 * each number as far as the caller may read them. Every report and drill-down is audited.
 */
public final class ReportingService implements ReportCalls.Reports {
  /**
   * Person-level tables (victims) are given for calendar quarters only. Suppression holds within a
   * report, but two reports of overlapping periods (a quarter and two of its months, a year and
   * three of its quarters) could be subtracted to recover a small count; quarters never overlap.
   */
  public static final String PER_QUARTER = "given per calendar quarter only";

  private final ReportStore store;
  private final ReportingSettings settings;
  private final Function<String, String> agencyNames;
  private final ReportAudit audit;
  private final Clock clock;

  public ReportingService(
      ReportStore store,
      ReportingSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.agencyNames = agencyNames;
    this.audit = new ReportAudit(audit, settings.leadAgency(), "reports/cases");
    this.clock = clock;
  }

  @Override
  public ReportResult report(AgencyPrincipal caller, ReportPeriod period) {
    return audit.report(caller, period, clock, (agency, computed) -> rows(period, agency));
  }

  /** The rows of {@link CaseMeasures} over a period for an agency's share (null: task force). */
  private List<MeasureRow> rows(ReportPeriod period, String agency) {
    Map<String, Map<String, Long>> tallies = store.tallies(MeasureRows.queries(), period, agency);
    List<MeasureRow> rows = new ArrayList<>();
    VictimTables victims = null;
    for (MeasureDefinition m : CaseMeasures.ALL) {
      switch (m) {
        case Tally t -> rows.addAll(MeasureRows.tally(t, tallies, agencyNames));
        case MeasureDefinition.Durations d ->
            rows.addAll(
                MeasureRows.durations(
                    d, store.durations(d.source(), d.fromField(), period, agency)));
        case MeasureDefinition.Victims v -> {
          if (victims == null) {
            List<VictimPerson> persons =
                period.isCalendarQuarter() ? store.victims(period, agency) : List.of();
            victims = new VictimTables(persons, period.from(), settings.threshold());
          }
          rows.addAll(
              period.isCalendarQuarter()
                  ? victims.rows(v)
                  : victims.rows(v).stream().map(r -> r.withheld(PER_QUARTER)).toList());
        }
      }
    }
    return rows;
  }

  @Override
  public String csv(AgencyPrincipal caller, ReportPeriod period) {
    return report(caller, period)
        .csv("Task force performance report (cases, victims, outcomes, training)");
  }

  /**
   * The records behind one number, only those the caller may read as it would through CaseService
   * (an active participant's cases, every case for the task-force commander); a grant manager sees
   * the total but opens only its agency's records.
   */
  public Page<ReportStore.RecordRef> records(AgencyPrincipal caller, RecordQuery query) {
    MeasureDefinition m = RecordRequests.measure(CaseMeasures.byId(query.measureId()));
    if (!(m instanceof Tally t) || !t.drillable()) {
      throw TaskforceException.invalidArgument(
          "measure_id",
          "is not drillable: victim counts never open as records (identities), sums have no rows");
    }
    RecordRequests.requirePageSize(query.pageSize());
    String dim = query.dimension();
    if (!dim.isEmpty() && t.groupBy() == null) {
      throw TaskforceException.invalidArgument("dimension", "this measure has no breakdown");
    }
    if (!dim.isEmpty() && !t.dimensions().isEmpty() && !t.dimensions().containsKey(dim)) {
      throw TaskforceException.invalidArgument(
          "dimension", "must be one of " + String.join(", ", t.dimensions().keySet()));
    }
    if (dim.length() > 128) {
      throw TaskforceException.invalidArgument("dimension", "at most 128 characters");
    }
    ReportAccess.Scope scope = audit.scope(caller, "REPORT_RECORDS_READ");
    String reader = readsEveryCase(caller) ? null : caller.agencyId();
    if (t.source().scope() == Source.Scope.TIP) {
      // tips open only to their agencies' intake coordinators and investigators (TipAccess)
      boolean tipReader =
          caller.kind() == AgencyPrincipal.Kind.USER
              && caller.hasAnyRole(Roles.INTAKE_COORDINATOR, Roles.INVESTIGATOR);
      reader = tipReader ? caller.agencyId() : "";
    }
    Page<ReportStore.RecordRef> page =
        store.records(
            t.source(),
            query.period(),
            scope.share(),
            dim.isEmpty() ? null : t.groupBy(),
            dim.isEmpty() ? null : dim,
            reader,
            query.pageSize() == 0 ? 50 : query.pageSize(),
            query.pageToken());
    audit.read(
        caller,
        "REPORT_RECORDS_READ",
        scope,
        query.period(),
        page.items().size() + " records of " + query.measureId());
    return page;
  }

  /** Who reads every case through CaseService: the task-force commander (CaseView's rule). */
  private static boolean readsEveryCase(AgencyPrincipal caller) {
    return CaseView.isTaskForceCommander(caller);
  }
}
