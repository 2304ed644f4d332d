package org.taskforce.platform.reporting;

import java.time.Instant;
import java.util.List;

/**
 * A report as RFC 4180 CSV, rows in the order of the quarterly report. Suppressed cells carry the
 * printed "fewer than N" and an empty value, so a spreadsheet cannot sum them by mistake.
 */
public final class ReportCsv {
  public static final String HEADER =
      "section,measure_id,measure,dimension,breakdown,value,display,unit";

  private ReportCsv() {}

  public static String write(
      String title, ReportPeriod period, String scope, Instant computed, List<MeasureRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(cell(title))
        .append(", ")
        .append(period.start())
        .append(" to ")
        .append(period.end())
        .append(", ")
        .append(scope)
        .append(", computed ")
        .append(computed)
        .append("\r\n");
    out.append(HEADER).append("\r\n");
    for (MeasureRow r : rows) {
      out.append(cell(r.section()))
          .append(',')
          .append(cell(r.measureId()))
          .append(',')
          .append(cell(r.label()))
          .append(',')
          .append(cell(r.dimension()))
          .append(',')
          .append(cell(r.dimensionLabel()))
          .append(',')
          .append(r.suppressed() ? "" : Long.toString(r.value()))
          .append(',')
          .append(cell(r.display()))
          .append(',')
          .append(r.unit())
          .append("\r\n");
    }
    return out.toString();
  }

  /**
   * One quoted cell. A leading {@code = + - @} is prefixed with an apostrophe so a spreadsheet does
   * not run it as a formula (CSV injection through agency names or titles).
   */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
