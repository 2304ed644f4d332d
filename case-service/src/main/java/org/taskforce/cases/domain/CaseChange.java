package org.taskforce.cases.domain;

/**
 * One entry of a case's history: a change that others are told about or that carries the caller's
 * reason (status, review, participants, lead). Kept in the case document, written with the change.
 *
 * @param id unique per change; the notices announcing it name it, so a notice prepared before a
 *     crash is sent only if this entry was stored
 * @param version the case version the change produced
 * @param action e.g. CASE_STATUS_CHANGED, CASE_REVIEWED, PARTICIPANT_REMOVED, LEAD_HANDED_OFF
 * @param summary what changed, written by the service
 * @param reason the caller's reason or note, as given; empty when none was given
 */
public record CaseChange(
    String id, long version, String action, String summary, String reason, Stamp actor) {

  public CaseChange {
    reason = reason == null ? "" : reason;
  }
}
