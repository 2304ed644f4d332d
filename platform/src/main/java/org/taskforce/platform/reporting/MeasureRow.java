package org.taskforce.platform.reporting;

/**
 * One number of a report as it is handed out: the same shape for every service, so the CSV, the API
 * and the console treat every report alike.
 *
 * @param dimension the breakdown, e.g. {@code SEX_TRAFFICKING}; empty for the measure's total
 * @param value the number (seconds for durations, per mille for shares); 0 when suppressed
 * @param display the number as printed: "12", "fewer than 5", "3 h 20 min", "75.0 %"
 * @param unit {@code count}, {@code seconds} or {@code per_mille}
 */
public record MeasureRow(
    String measureId,
    String section,
    String label,
    String dimension,
    String dimensionLabel,
    long value,
    String display,
    boolean suppressed,
    boolean drillable,
    String unit) {

  public static final String COUNT = "count";
  public static final String SECONDS = "seconds";
  public static final String PER_MILLE = "per_mille";

  /** A number shown as it is. */
  public static MeasureRow of(
      String measureId,
      String section,
      String label,
      String dimension,
      String dimensionLabel,
      long value,
      boolean drillable,
      String unit) {
    return new MeasureRow(
        measureId,
        section,
        label,
        dimension,
        dimensionLabel,
        value,
        format(value, unit),
        false,
        drillable,
        unit);
  }

  /** This number withheld: printed "fewer than {@code threshold}", its value zeroed. */
  public MeasureRow suppressed(int threshold) {
    return withheld("fewer than " + threshold);
  }

  /**
   * This number not given at all for the report's period, with why (printed instead of a value):
   * e.g. person-level tables outside a calendar quarter.
   */
  public MeasureRow withheld(String reason) {
    return new MeasureRow(
        measureId, section, label, dimension, dimensionLabel, 0, reason, true, false, unit);
  }

  static String format(long value, String unit) {
    return switch (unit) {
      case SECONDS -> duration(value);
      case PER_MILLE -> String.format(java.util.Locale.ROOT, "%.1f %%", value / 10.0);
      default -> Long.toString(value);
    };
  }

  private static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    return minutes % 60 == 0 ? hours + " h" : hours + " h " + (minutes % 60) + " min";
  }
}
