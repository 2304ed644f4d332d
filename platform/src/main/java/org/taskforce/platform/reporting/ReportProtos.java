package org.taskforce.platform.reporting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.taskforce.api.reporting.v1.Measure;
import org.taskforce.api.reporting.v1.Report;
import org.taskforce.api.reporting.v1.ReportRecord;
import org.taskforce.api.reporting.v1.ReportScope;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.ProtoTimes;

/** Reports ⇄ the shared {@code taskforce.reporting.v1} messages, for every service's adapter. */
public final class ReportProtos {
  private ReportProtos() {}

  /** The request's period; unset, impossible or reversed dates are field violations. */
  public static ReportPeriod period(
      boolean hasStart,
      com.google.type.Date start,
      boolean hasEnd,
      com.google.type.Date end,
      ZoneId zone) {
    Violations v = new Violations();
    LocalDate from = date(v, "start_date", hasStart, start);
    LocalDate to = date(v, "end_date", hasEnd, end);
    v.throwIfAny();
    return ReportPeriod.of(from, to, zone);
  }

  private static LocalDate date(Violations v, String field, boolean has, com.google.type.Date d) {
    if (!has) {
      v.add(field, "is required");
      return null;
    }
    return optionalDate(v, field, true, d);
  }

  /** A date the caller gave; unset gives null (whoever needs it says it is required). */
  public static LocalDate optionalDate(
      Violations v, String field, boolean has, com.google.type.Date d) {
    if (!has) {
      return null;
    }
    if (d.getYear() < 1 || d.getYear() > 9999) {
      // google.type.Date's own range; beyond it storage and period arithmetic would fail.
      v.add(field, "is not a calendar date between the years 1 and 9999");
      return null;
    }
    try {
      return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    } catch (DateTimeException e) {
      v.add(field, "is not a calendar date");
      return null;
    }
  }

  public static com.google.type.Date date(LocalDate d) {
    return com.google.type.Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  /** The shared message of one record behind a number ({@code caseId} empty where none). */
  public static ReportRecord record(
      String type, String id, String caseId, String title, Instant time) {
    return ReportRecord.newBuilder()
        .setRecordType(type)
        .setRecordId(id)
        .setCaseId(caseId)
        .setTitle(title)
        .setRecordTime(ProtoTimes.timestamp(time))
        .build();
  }

  public static Report report(
      ReportAccess.Scope scope,
      ReportPeriod period,
      Instant computed,
      List<MeasureRow> rows,
      int threshold) {
    Report.Builder b =
        Report.newBuilder()
            .setScope(
                scope.taskForce()
                    ? ReportScope.REPORT_SCOPE_TASK_FORCE
                    : ReportScope.REPORT_SCOPE_AGENCY)
            .setAgencyId(scope.taskForce() ? "" : scope.agencyId())
            .setStartDate(date(period.start()))
            .setEndDate(date(period.end()))
            .setComputeTime(ProtoTimes.timestamp(computed))
            .setSuppressionThreshold(threshold);
    for (MeasureRow r : rows) {
      b.addMeasures(
          Measure.newBuilder()
              .setMeasureId(r.measureId())
              .setSection(r.section())
              .setLabel(r.label())
              .setDimension(r.dimension())
              .setDimensionLabel(r.dimensionLabel())
              .setValue(r.value())
              .setDisplay(r.display())
              .setSuppressed(r.suppressed())
              .setDrillable(r.drillable())
              .setUnit(r.unit()));
    }
    return b.build();
  }
}
