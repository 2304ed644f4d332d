package org.taskforce.cases.reporting.application;

import java.util.List;
import java.util.Map;

/**
 * A set of records a measure counts, declared as data so that a new measure — or a new kind of
 * record, such as tips once intake lands — is a line in {@link CaseMeasures}, not new query code.
 * The store adapter turns it into one aggregation pipeline.
 *
 * @param collection where the records are
 * @param recordType what a drill-down calls them ("case", "subject_outcome", ...)
 * @param timeField the instant that puts a record in a period (a record happened in it)
 * @param endField when set, a record is in a period if [timeField, endField) overlaps it (an unset
 *     end: still going) — "active" cases
 * @param scope how an agency's share and a reader's rights find the record's agencies
 * @param where fixed conditions: field → value (a list: any of them)
 * @param titleFields fields that make a drill-down row's title, joined by spaces
 */
public record Source(
    String collection,
    String recordType,
    String timeField,
    String endField,
    Scope scope,
    Map<String, Object> where,
    List<String> titleFields) {

  /** How records are tied to agencies. */
  public enum Scope {
    /** The record is a case: its {@code activeAgencies} take part. */
    CASE,
    /** The record belongs to a case ({@code caseId}): that case's active agencies take part. */
    CASE_RECORD,
    /** The record names its agency ({@code agencyId}) and is open to everyone who reads reports. */
    AGENCY_OPEN,
    /**
     * A tip: its {@code agencies} (received by, assigned to, referred to) take part, and only their
     * intake coordinators and investigators read it (TipAccess) — no task-force-wide reader.
     */
    TIP
  }

  public Source {
    where = Map.copyOf(where);
    titleFields = List.copyOf(titleFields);
  }

  /** The same records narrowed by one more condition. */
  public Source where(String field, Object value) {
    var more = new java.util.LinkedHashMap<>(where);
    more.put(field, value);
    return new Source(collection, recordType, timeField, endField, scope, more, titleFields);
  }
}
