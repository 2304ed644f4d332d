package org.taskforce.cases.reporting.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.taskforce.cases.reporting.application.MeasureDefinition.Tally;
import org.taskforce.platform.reporting.MeasureRow;
import org.taskforce.platform.reporting.Percentiles;

/**
 * From {@link CaseMeasures} to the store's questions and from its answers to the report's rows: a
 * tally's total and breakdown, a duration's count, median and 90th percentile (withheld below
 * {@link MeasureDefinition.Durations#MIN_MEASURED}).
 */
final class MeasureRows {
  private MeasureRows() {}

  /**
   * What the tallies ask of the store: each measure's breakdown, and its total where the total is
   * not the sum of the breakdown (no breakdown, or distinct values: a subject charged under two
   * statutes counts once, a case in two industries too).
   */
  static List<ReportStore.TallyQuery> queries() {
    List<ReportStore.TallyQuery> queries = new ArrayList<>();
    for (MeasureDefinition m : CaseMeasures.ALL) {
      if (m instanceof Tally t) {
        if (t.groupBy() != null) {
          queries.add(
              new ReportStore.TallyQuery(
                  t.id() + "|by", t.source(), t.groupBy(), t.sumField(), t.distinctField()));
        }
        if (t.groupBy() == null
            || t.distinctField() != null
            || CaseMeasures.LIST_FIELDS.contains(t.groupBy())) {
          queries.add(
              new ReportStore.TallyQuery(
                  t.id() + "|all", t.source(), null, t.sumField(), t.distinctField()));
        }
      }
    }
    return queries;
  }

  static List<MeasureRow> tally(
      Tally t, Map<String, Map<String, Long>> tallies, Function<String, String> agencyNames) {
    List<MeasureRow> rows = new ArrayList<>();
    String unit = MeasureRow.COUNT;
    Map<String, Long> groups = tallies.getOrDefault(t.id() + "|by", Map.of());
    long total =
        tallies.containsKey(t.id() + "|all")
            ? tallies.get(t.id() + "|all").getOrDefault("", 0L)
            : groups.values().stream().mapToLong(Long::longValue).sum();
    rows.add(MeasureRow.of(t.id(), t.section(), t.label(), "", "All", total, t.drillable(), unit));
    Map<String, String> labels = new java.util.LinkedHashMap<>(t.dimensions());
    if (labels.isEmpty()) {
      new TreeMap<>(groups).keySet().forEach(k -> labels.put(k, agencyNames.apply(k)));
    }
    labels.forEach((key, label) ->
        rows.add(
            MeasureRow.of(
                t.id(),
                t.section(),
                t.label(),
                key,
                label,
                groups.getOrDefault(key, 0L),
                t.drillable(),
                unit)));
    return rows;
  }

  static List<MeasureRow> durations(MeasureDefinition.Durations d, long[] seconds) {
    List<MeasureRow> rows = new ArrayList<>();
    rows.add(
        MeasureRow.of(
            d.id(),
            d.section(),
            d.label(),
            "COUNT",
            "Measured",
            seconds.length,
            false,
            MeasureRow.COUNT));
    boolean few = seconds.length < MeasureDefinition.Durations.MIN_MEASURED;
    for (int p : new int[] {50, 90}) {
      MeasureRow r =
          MeasureRow.of(
              d.id(),
              d.section(),
              d.label(),
              p == 50 ? "MEDIAN" : "P90",
              p == 50 ? "Median" : "90th percentile",
              few ? 0 : Percentiles.of(seconds, p),
              false,
              MeasureRow.SECONDS);
      rows.add(few ? r.suppressed(MeasureDefinition.Durations.MIN_MEASURED) : r);
    }
    return rows;
  }
}
