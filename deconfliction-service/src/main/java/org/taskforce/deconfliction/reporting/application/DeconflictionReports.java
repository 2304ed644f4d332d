package org.taskforce.deconfliction.reporting.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.reporting.MeasureRow;
import org.taskforce.platform.reporting.RecordQuery;
import org.taskforce.platform.reporting.RecordRequests;
import org.taskforce.platform.reporting.ReportAccess;
import org.taskforce.platform.reporting.ReportAudit;
import org.taskforce.platform.reporting.ReportCalls;
import org.taskforce.platform.reporting.ReportPeriod;
import org.taskforce.platform.reporting.ReportResult;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The deconfliction report ({@link DeconflictionMeasures}) for the task force or one agency's
 * share, and the records behind each number as far as the caller reads them through
 * DeconflictionService: its agency's checks and registrations, the conflicts it may read (every
 * conflict for the watch agency's watch officers).
 *
 * <p>The task-force totals count every record, RESTRICTED ones included: they name no agency, no
 * target and no place, and the lead agency's watch officers, who hold the task-force view, already
 * broker every conflict. An agency's share counts only what the agency itself reads.
 */
public final class DeconflictionReports implements ReportCalls.Reports {
  private final ReportStore store;
  private final DisclosurePolicy policy;
  private final ReportAudit audit;
  private final Clock clock;
  private final PageTokens pageTokens;

  public DeconflictionReports(
      ReportStore store,
      DisclosurePolicy policy,
      String leadAgency,
      AuditTrail audit,
      Clock clock,
      PageTokens pageTokens) {
    this.store = store;
    this.policy = policy;
    this.audit = new ReportAudit(audit, leadAgency, "reports/deconfliction");
    this.clock = clock;
    this.pageTokens = pageTokens;
  }

  @Override
  public ReportResult report(AgencyPrincipal caller, ReportPeriod period) {
    return audit.report(caller, period, clock, (agency, now) -> rows(period, agency, now));
  }

  /** The rows of {@link DeconflictionMeasures} for an agency's share (null: task force). */
  private List<MeasureRow> rows(ReportPeriod period, String agency, Instant now) {
    List<ReportStore.CountQuery> queries = new ArrayList<>();
    for (Measure m : DeconflictionMeasures.ALL) {
      if (m instanceof Measure.Count c) {
        Instant[] window = window(c, period, now);
        queries.add(
            new ReportStore.CountQuery(c.id(), c.source(), window[0], window[1], c.groupBy()));
      }
    }
    Map<String, Map<String, Long>> counts = store.counts(queries, agency);
    List<MeasureRow> rows = new ArrayList<>();
    for (Measure m : DeconflictionMeasures.ALL) {
      switch (m) {
        case Measure.Count c -> rows.addAll(count(c, counts.getOrDefault(c.id(), Map.of())));
        case Measure.Durations d -> rows.addAll(durations(d, period, agency));
      }
    }
    return rows;
  }

  @Override
  public String csv(AgencyPrincipal caller, ReportPeriod period) {
    return report(caller, period).csv("Deconfliction report");
  }

  public record Page(List<ReportStore.RecordRef> records, String nextPageToken) {}

  public Page records(AgencyPrincipal caller, RecordQuery query) {
    ReportPeriod period = query.period();
    String measureId = query.measureId();
    Measure m = RecordRequests.measure(DeconflictionMeasures.byId(measureId));
    if (!(m instanceof Measure.Count c)) {
      throw TaskforceException.invalidArgument(
          "measure_id", "is not drillable: durations are summaries of the conflicts' times");
    }
    String dim = query.dimension();
    if (!dim.isEmpty() && (c.groupBy() == null || !c.dimensions().containsKey(dim))) {
      throw TaskforceException.invalidArgument(
          "dimension",
          c.groupBy() == null
              ? "this measure has no breakdown"
              : "must be one of " + String.join(", ", c.dimensions().keySet()));
    }
    RecordRequests.requirePageSize(query.pageSize());
    // a refusal is audited as a report read, as it always was here
    ReportAccess.Scope scope = audit.scope(caller, "REPORT_READ");
    Instant now = clock.instant();
    Instant[] window = window(c, period, now);
    boolean readsAll = c.source().collection().equals("conflicts") && policy.isWatchOfficer(caller);
    String share = scope.share();
    String reader = readsAll ? null : caller.agencyId();
    PageQuery pageQuery =
        PageQuery.of("reports.deconfliction.records")
            .with("measure", measureId)
            .with("dimension", dim)
            .with("period", period.label())
            .with("share", share)
            .with("reader", reader);
    org.taskforce.platform.paging.Page<ReportStore.RecordRef> page =
        pageTokens.page(
            pageQuery,
            query.pageToken(),
            query.pageSize(),
            (after, limit) ->
                store.records(
                    c.source(),
                    window[0],
                    window[1],
                    share,
                    dim.isEmpty() ? null : c.groupBy(),
                    dim.isEmpty() ? null : dim,
                    reader,
                    after,
                    limit),
            ReportStore::position);
    List<ReportStore.RecordRef> found = page.items();
    audit.read(
        caller, "REPORT_RECORDS_READ", scope, period, found.size() + " records of " + measureId);
    return new Page(found, page.nextPageToken());
  }

  /** A count's rows from its groups (no breakdown: one group under {@code ""}). */
  private static List<MeasureRow> count(Measure.Count c, Map<String, Long> groups) {
    long total =
        c.groupBy() == null
            ? groups.getOrDefault("", 0L)
            : groups.values().stream().mapToLong(Long::longValue).sum();
    List<MeasureRow> rows = new ArrayList<>();
    rows.add(row(c, "", "All", total, true, MeasureRow.COUNT));
    c.dimensions()
        .forEach((key, label) ->
            rows.add(row(c, key, label, groups.getOrDefault(key, 0L), true, MeasureRow.COUNT)));
    return rows;
  }

  private List<MeasureRow> durations(Measure.Durations d, ReportPeriod period, String agency) {
    return DurationRows.of(d, store.durations(d, period.from(), period.until(), agency));
  }

  static MeasureRow row(
      Measure m, String dim, String label, long value, boolean drillable, String unit) {
    return MeasureRow.of(m.id(), m.section(), m.label(), dim, label, value, drillable, unit);
  }

  /** [from, until) of a count: the period, any time (now), or the next horizon. */
  private static Instant[] window(Measure.Count c, ReportPeriod period, Instant now) {
    return switch (c.window()) {
      case PERIOD -> new Instant[] {period.from(), period.until()};
      case NOW -> new Instant[] {null, null};
      case NEXT -> new Instant[] {now, now.plus(c.horizon())};
    };
  }
}
