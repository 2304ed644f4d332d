package org.taskforce.deconfliction.reporting.application;

import java.util.Map;

/**
 * A set of deconfliction records a measure reads, declared as data (see {@link
 * DeconflictionMeasures}); the store adapter turns it into an aggregation pipeline.
 *
 * @param timeField the instant that puts a record in a period
 * @param where fixed conditions: field → value (a list: any of them)
 * @param agencyField the agencies a record belongs to, for an agency's share and a reader's rights
 *     (for conflicts: the agencies that may read it, which leaves out a side facing a RESTRICTED
 *     registration)
 * @param titleField what a drill-down row shows
 */
public record Source(
    String collection,
    String recordType,
    String timeField,
    Map<String, Object> where,
    String agencyField,
    String titleField) {
  public Source {
    where = Map.copyOf(where);
  }
}
