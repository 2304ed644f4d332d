package org.taskforce.platform.reporting;

/**
 * A drill-down as every report's List…ReportRecords asks it: the records behind one number of a
 * period's report, one page at a time.
 *
 * @param dimension the breakdown's row, or "" for the number over all of them
 * @param pageSize 0 for the default
 * @param pageToken "" for the first page
 */
public record RecordQuery(
    ReportPeriod period, String measureId, String dimension, int pageSize, String pageToken) {

  public RecordQuery {
    dimension = dimension == null ? "" : dimension;
    pageToken = pageToken == null ? "" : pageToken;
  }
}
