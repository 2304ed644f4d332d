package org.taskforce.cases.reporting.application;

import java.util.LinkedHashMap;
import java.util.Map;

/** One measure of the report, declared in {@link CaseMeasures}. */
public sealed interface MeasureDefinition {
  String id();

  String section();

  String label();

  /**
   * Records of a {@link Source} counted in the period: a total, then one row per value of {@code
   * groupBy} — the {@code dimensions} in their order (zeros shown), or, when {@code dimensions} is
   * empty, the values found (agencies, named through the agency directory).
   *
   * @param sumField when set, the rows add up this field instead of counting records
   * @param distinctField when set, records with the same value count once (subjects, not outcomes)
   */
  record Tally(
      String id,
      String section,
      String label,
      Source source,
      String groupBy,
      Map<String, String> dimensions,
      String sumField,
      String distinctField)
      implements MeasureDefinition {
    public Tally {
      dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    public boolean drillable() {
      return sumField == null;
    }
  }

  /**
   * Durations from {@code fromField} to the source's time field of the records in the period: how
   * many were measured, their median and 90th percentile (withheld below {@link #MIN_MEASURED}
   * records: a median of one or two is their value).
   */
  record Durations(String id, String section, String label, Source source, String fromField)
      implements MeasureDefinition {
    public static final int MIN_MEASURED = 5;
  }

  /**
   * De-duplicated victims (persons) by one attribute, confirmed and potential apart, small counts
   * suppressed; never drillable (the records are identities).
   *
   * @param attribute {@code ""} for the totals only, else {@code client_status}, {@code age},
   *     {@code citizenship}, {@code trafficking_type} or {@code service}
   * @param partition whether the rows add up to the total (services do not: one person, several)
   */
  record Victims(
      String id,
      String section,
      String label,
      String attribute,
      Map<String, String> dimensions,
      boolean partition)
      implements MeasureDefinition {
    public Victims {
      dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }
  }
}
