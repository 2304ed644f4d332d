package org.taskforce.cases.domain;

/** Where a subject's registration with deconfliction-service stands. */
public enum DeconflictionState {
  /** Saved; the registration is queued in the outbox and retried until deconfliction answers. */
  PENDING,
  REGISTERED_NO_CONFLICT,
  CONFLICT,
  POSSIBLE_MATCH_UNDER_REVIEW,
  /** The subject was removed and its registration withdrawn (or is being withdrawn). */
  WITHDRAWN,
  /** Deconfliction refused the selectors when the queued registration reached it. */
  REJECTED,
  /** Every conflict of the registration its agency may see is resolved. */
  CONFLICT_RESOLVED
}
