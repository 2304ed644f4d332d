package org.taskforce.deconfliction.reporting.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the deconfliction report reads of the records, aggregated where they are stored. */
public interface ReportStore {
  /** One count of {@link #counts}: records of the source in [from, until), per {@code groupBy}. */
  record CountQuery(String key, Source source, Instant from, Instant until, String groupBy) {}

  /**
   * Many counts at once, answered by key: the store may read each collection once for all the
   * counts over it.
   */
  Map<String, Map<String, Long>> counts(List<CountQuery> queries, String agency);

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
