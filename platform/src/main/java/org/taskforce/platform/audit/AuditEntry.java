package org.taskforce.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit trail: who (subject, name, agency, client), did what (action) to which
 * resource, with what outcome, for which stated purpose, when, and in which request. Details must
 * never carry victim data or tokens.
 */
public record AuditEntry(
    String id,
    Instant time,
    String actorSubject,
    String actorName,
    String agencyId,
    String clientId,
    String action,
    String resource,
    Outcome outcome,
    String purpose,
    String requestId,
    Map<String, String> details) {

  /** How the audited attempt ended. */
  public enum Outcome {
    SUCCESS,
    /** Refused by authorisation. */
    DENIED,
    /** Failed for another reason (bad input, conflict, outage). */
    FAILED
  }

  public AuditEntry {
    details = Map.copyOf(details);
    purpose = purpose == null ? "" : purpose;
    requestId = requestId == null ? "" : requestId;
  }
}
