package org.taskforce.deconfliction.reporting.application;

import static org.taskforce.deconfliction.reporting.application.DeconflictionReports.row;

import java.util.ArrayList;
import java.util.List;
import org.taskforce.platform.reporting.MeasureRow;
import org.taskforce.platform.reporting.Percentiles;

/**
 * The rows of a {@link Measure.Durations}: how many were measured, median, 90th percentile and the
 * share of at least its threshold — withheld below {@link #MIN_MEASURED}.
 */
final class DurationRows {
  private DurationRows() {}

  /** Durations of fewer records than this are withheld (the case reports' default threshold). */
  static final int MIN_MEASURED = 5;

  static List<MeasureRow> of(Measure.Durations d, long[] seconds) {
    List<MeasureRow> rows = new ArrayList<>();
    rows.add(row(d, "COUNT", "Measured", seconds.length, false, MeasureRow.COUNT));
    if (seconds.length < MIN_MEASURED) {
      // A median of one or two records is their value: over a short period it would tell when
      // another agency's (even a restricted) operation starts, or how long it took to answer.
      rows.add(row(d, "MEDIAN", "Median", 0, false, MeasureRow.SECONDS).suppressed(MIN_MEASURED));
      rows.add(
          row(d, "P90", "90th percentile", 0, false, MeasureRow.SECONDS).suppressed(MIN_MEASURED));
      if (d.atLeast() != null) {
        rows.add(share(d, 0).suppressed(MIN_MEASURED));
      }
      return rows;
    }
    rows.add(row(d, "MEDIAN", "Median", Percentiles.of(seconds, 50), false, MeasureRow.SECONDS));
    rows.add(
        row(d, "P90", "90th percentile", Percentiles.of(seconds, 90), false, MeasureRow.SECONDS));
    if (d.atLeast() != null) {
      rows.add(share(d, Percentiles.shareAtLeast(seconds, d.atLeast().toSeconds())));
    }
    return rows;
  }

  private static MeasureRow share(Measure.Durations d, long perMille) {
    return row(
        d,
        "SHARE_AT_LEAST_" + d.atLeast().toHours() + "H",
        "Share at least " + d.atLeast().toHours() + " h ahead",
        perMille,
        false,
        MeasureRow.PER_MILLE);
  }
}
