package org.taskforce.platform.reporting;

import com.google.type.Date;
import java.time.ZoneId;
import org.taskforce.api.reporting.v1.Report;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The body every reporting service's Get…Report and Export…Report RPCs share: the request's period
 * in the service's zone, then the caller's report as the shared {@link Report} message or as a CSV
 * file.
 */
public final class ReportCalls {
  /** A service's report over a period, as its use case computes it for a caller. */
  public interface Reports {
    ReportResult report(AgencyPrincipal caller, ReportPeriod period);

    String csv(AgencyPrincipal caller, ReportPeriod period);
  }

  /** A CSV export and the file name it is offered under. */
  public record Export(String csv, String filename) {}

  private final Reports reports;
  private final ZoneId zone;
  private final int threshold;
  private final String filePrefix;

  /**
   * @param threshold the suppression threshold the report states (0: nothing is suppressed)
   * @param filePrefix the export's file name before the period's label
   */
  public ReportCalls(Reports reports, ZoneId zone, int threshold, String filePrefix) {
    this.reports = reports;
    this.zone = zone;
    this.threshold = threshold;
    this.filePrefix = filePrefix;
  }

  /** The request's period; unset, impossible or reversed dates are field violations. */
  public ReportPeriod period(boolean hasStart, Date start, boolean hasEnd, Date end) {
    return ReportProtos.period(hasStart, start, hasEnd, end, zone);
  }

  public Report report(boolean hasStart, Date start, boolean hasEnd, Date end) {
    ReportPeriod period = period(hasStart, start, hasEnd, end);
    ReportResult result = reports.report(CallerContext.principal(), period);
    return ReportProtos.report(result.scope(), period, result.computed(), result.rows(), threshold);
  }

  public Export export(boolean hasStart, Date start, boolean hasEnd, Date end) {
    ReportPeriod period = period(hasStart, start, hasEnd, end);
    return new Export(
        reports.csv(CallerContext.principal(), period), filePrefix + period.label() + ".csv");
  }
}
