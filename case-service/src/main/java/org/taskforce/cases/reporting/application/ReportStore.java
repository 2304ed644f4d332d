package org.taskforce.cases.reporting.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.domain.VictimPerson;
import org.taskforce.platform.reporting.ReportPeriod;

/** What the report reads of the records, aggregated where they are stored. */
public interface ReportStore {
  /**
   * One tally: records of {@code source} in the period, counted (or {@code sumField} added up, or
   * distinct {@code distinctField} values counted) per value of {@code groupBy}; with no {@code
   * groupBy} one entry under {@code ""}.
   */
  record TallyQuery(
      String name, Source source, String groupBy, String sumField, String distinctField) {}

  /**
   * Many tallies at once, answered by name: the store may read each collection once for all the
   * tallies over it.
   *
   * @param agency an agency's share (records it takes part in), or null for the task force
   */
  Map<String, Map<String, Long>> tallies(
      List<TallyQuery> queries, ReportPeriod period, String agency);

  /**
   * Seconds from {@code fromField} to the source's time field, one per record of the source in the
   * period (in the share).
   */
  long[] durations(Source source, String fromField, ReportPeriod period, String agency);

  /** The persons behind the victim records of cases active in the period (in the share). */
  List<VictimPerson> victims(ReportPeriod period, String agency);

  /**
   * The records behind one number that {@code reader} may read (null: every record), newest first.
   *
   * @param groupBy with {@code dimension}: only the records of that breakdown
   */
  Page<RecordRef> records(
      Source source,
      ReportPeriod period,
      String agency,
      String groupBy,
      String dimension,
      String reader,
      int pageSize,
      String pageToken);

  /** One record behind a number. */
  record RecordRef(String type, String id, String caseId, String title, Instant time) {}
}
