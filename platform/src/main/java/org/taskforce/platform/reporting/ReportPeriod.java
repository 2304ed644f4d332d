package org.taskforce.platform.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.taskforce.platform.error.Violations;

/**
 * A reporting period: whole days from {@code start} to {@code end} inclusive in the task force's
 * time zone — a calendar quarter, a month or any range up to {@value #MAX_YEARS} years.
 */
public record ReportPeriod(LocalDate start, LocalDate end, ZoneId zone) {
  public static final int MAX_YEARS = 5;

  /** Checks the dates; missing or reversed dates are field violations. */
  public static ReportPeriod of(LocalDate start, LocalDate end, ZoneId zone) {
    Violations v = new Violations();
    v.check(start != null, "start_date", "is required");
    v.check(end != null, "end_date", "is required");
    if (start != null && end != null) {
      v.check(!end.isBefore(start), "end_date", "must not be before start_date");
      v.check(
          ChronoUnit.DAYS.between(start, end) < 366L * MAX_YEARS,
          "end_date",
          "a period spans at most " + MAX_YEARS + " years");
    }
    v.throwIfAny();
    return new ReportPeriod(start, end, zone);
  }

  /** The first instant of the period. */
  public Instant from() {
    return start.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  public Instant until() {
    return end.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * Whether the period is exactly one calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec). The
   * quarters never overlap, so no two such periods can be subtracted from each other.
   */
  public boolean isCalendarQuarter() {
    return start.getDayOfMonth() == 1
        && (start.getMonthValue() - 1) % 3 == 0
        && end.equals(start.plusMonths(3).minusDays(1));
  }

  /** The period's days in a file name: {@code 2026-07-01_2026-09-30}. */
  public String label() {
    return start + "_" + end;
  }
}
