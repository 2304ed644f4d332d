package org.taskforce.deconfliction.application;

import java.util.Map;
import java.util.UUID;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The audit entry of a registration's first store. A caller's create is audited as the caller's; a
 * registration the repair sweep stores from a check's record (no caller: the check's process died)
 * is audited as the person in its creation stamp — who made the check, when — marked as stored by
 * the sweep, so no registration exists without a who and when in the trail.
 */
final class CreateAudit {
  private CreateAudit() {}

  static void record(
      AuditTrail audit,
      AgencyPrincipal caller,
      Stamp created,
      String action,
      String resource,
      Map<String, String> details) {
    if (caller != null) {
      audit.record(caller, action, resource, Outcome.SUCCESS, "", details);
      return;
    }
    Map<String, String> marked = new java.util.LinkedHashMap<>(details);
    marked.put("storedBy", "repair sweep (the check that recorded it did not finish)");
    audit.append(
        new AuditEntry(
            UUID.randomUUID().toString(),
            created.time(),
            created.subject(),
            created.displayName(),
            created.agencyId(),
            "",
            action,
            resource,
            Outcome.SUCCESS,
            "",
            CallerContext.requestId(),
            marked));
  }
}
