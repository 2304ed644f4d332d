package org.taskforce.deconfliction.reporting.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the deconfliction report reads of the records, aggregated where they are stored. */
public interface ReportStore {
  /**
   * Records of {@code source} with their time in [from, until) (both null: any time), counted per
   * value of {@code groupBy} (null: one entry under {@code ""}).
   *
   * @param agency an agency's share, or null for the task force
   */
  Map<String, Long> count(
      Source source, Instant from, Instant until, String agency, String groupBy);

  /** The durations in seconds of a {@link Measure.Durations} over [from, until). */
  long[] durations(Measure.Durations m, Instant from, Instant until, String agency);

  /**
   * The records behind one number that {@code reader} may read (null: every record), newest first
   * (then by id), at most {@code limit} of those after {@code after} (a {@link #position}; empty:
   * from the first).
   */
  List<RecordRef> records(
      Source source,
      Instant from,
      Instant until,
      String agency,
      String groupBy,
      String dimension,
      String reader,
      List<String> after,
      int limit);

  record RecordRef(String type, String id, String title, Instant time) {}

  /** Where a record stands in a drill-down's order: [epoch millis of its time, id]. */
  static List<String> position(RecordRef r) {
    return List.of(Long.toString(r.time().toEpochMilli()), r.id());
  }
}
