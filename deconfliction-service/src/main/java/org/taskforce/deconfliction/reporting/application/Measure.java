package org.taskforce.deconfliction.reporting.application;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One measure of the deconfliction report, declared in {@link DeconflictionMeasures}. */
public sealed interface Measure {
  String id();

  String section();

  String label();

  /**
   * Records counted, in total and per value of {@code groupBy} (the {@code dimensions} in order).
   *
   * @param window {@link Window#PERIOD}: records whose time falls in the period; {@link
   *     Window#NOW}: records as they stand when the report is computed; {@link Window#NEXT}:
   *     records whose time falls between now and now + {@code horizon} (registrations expiring
   *     soon)
   */
  record Count(
      String id,
      String section,
      String label,
      Source source,
      Window window,
      Duration horizon,
      String groupBy,
      Map<String, String> dimensions)
      implements Measure {
    public Count {
      dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }
  }

  /**
   * Durations from {@code fromField} to {@code toField} of the records of the period: median, 90th
   * percentile, and the share of at least {@code atLeast}.
   *
   * @param unwind an array whose elements each give one duration (a conflict's sides), or null
   * @param ownField within an agency's share, only elements whose field names the agency (its own
   *     acknowledgements), or null to take every record of the share
   */
  record Durations(
      String id,
      String section,
      String label,
      Source source,
      String unwind,
      String fromField,
      String toField,
      String ownField,
      Duration atLeast)
      implements Measure {}

  enum Window {
    PERIOD,
    NOW,
    NEXT
  }
}
