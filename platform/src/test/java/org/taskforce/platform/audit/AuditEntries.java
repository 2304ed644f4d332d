package org.taskforce.platform.audit;

import java.time.Instant;
import java.util.Map;

/** Test data: audit entries of acts by user {@code u} ("someone"). */
final class AuditEntries {
  private AuditEntries() {}

  /** A successful act, on behalf of {@code agency}, with no details. */
  static AuditEntry success(
      String id,
      Instant time,
      String agency,
      String action,
      String resource,
      String purpose,
      String requestId) {
    return new AuditEntry(
        id,
        time,
        "u",
        "someone",
        agency,
        "",
        action,
        resource,
        AuditEntry.Outcome.SUCCESS,
        purpose,
        requestId,
        Map.of());
  }
}
