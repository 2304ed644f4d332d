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
   * The records behind one number that {@code reader} may read (null: every record), newest first,
   * at most {@code limit} after the {@code offset} first.
   */
  List<RecordRef> records(
      Source source,
      Instant from,
      Instant until,
      String agency,
      String groupBy,
      String dimension,
      String reader,
      int offset,
      int limit);

  record RecordRef(String type, String id, String title, Instant time) {}
}
