package org.taskforce.platform.reporting;

import java.time.Instant;
import java.util.List;

/** A computed report: whose, which period, when, and its rows in the quarterly report's order. */
public record ReportResult(
    ReportAccess.Scope scope, ReportPeriod period, Instant computed, List<MeasureRow> rows) {

  /** This report as CSV under {@code title} ({@link ReportCsv}). */
  public String csv(String title) {
    return ReportCsv.write(title, period, scope.describe(), computed, rows);
  }
}
