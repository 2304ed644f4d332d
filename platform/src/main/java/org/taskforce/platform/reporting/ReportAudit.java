package org.taskforce.platform.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Who reads a service's report ({@link ReportAccess}) and the audit entry of every report read,
 * drill-down and refusal, under one resource name ({@code reports/cases}, {@code
 * reports/deconfliction}), so every service audits its reports alike.
 */
public final class ReportAudit {
  private final AuditTrail audit;
  private final String leadAgency;
  private final String resource;

  public ReportAudit(AuditTrail audit, String leadAgency, String resource) {
    this.audit = audit;
    this.leadAgency = leadAgency;
    this.resource = resource;
  }

  /** The caller's scope; a caller who reads no report is audited DENIED under {@code action}. */
  public ReportAccess.Scope scope(AgencyPrincipal caller, String action) {
    try {
      return ReportAccess.scopeOf(caller, leadAgency);
    } catch (TaskforceException e) {
      audit.record(caller, action, resource, Outcome.DENIED, CallerContext.purpose(), Map.of());
      throw e;
    }
  }

  /**
   * A report read: the caller's scope ({@link #scope}, audited DENIED when refused), then the rows
   * {@code rows} counts for its share ({@link ReportAccess.Scope#share}: an agency, or null for the
   * task force) as of the instant {@code clock} gives, and the audit entry of the read.
   */
  public ReportResult report(
      AgencyPrincipal caller,
      ReportPeriod period,
      Clock clock,
      BiFunction<String, Instant, List<MeasureRow>> rows) {
    ReportAccess.Scope scope = scope(caller, "REPORT_READ");
    Instant at = clock.instant();
    List<MeasureRow> counted = rows.apply(scope.share(), at);
    read(caller, "REPORT_READ", scope, period, counted.size() + " numbers");
    return new ReportResult(scope, period, at, counted);
  }

  /** A read that was answered: its scope, period and a summary of what it gave. */
  public void read(
      AgencyPrincipal caller,
      String action,
      ReportAccess.Scope scope,
      ReportPeriod period,
      String summary) {
    audit.record(
        caller,
        action,
        resource,
        Outcome.SUCCESS,
        CallerContext.purpose(),
        Map.of("scope", scope.describe(), "period", period.label(), "summary", summary));
  }
}
