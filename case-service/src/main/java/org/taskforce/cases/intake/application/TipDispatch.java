package org.taskforce.cases.intake.application;

import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The receiving agency's intake coordinators dispatch a tip: assign it to an agency and an officer,
 * or refer it to another agency (which is told, exactly once: the notice is prepared before the
 * write and released after it). Every change takes the version the caller read.
 */
public final class TipDispatch {
  private final TipWrites writes;
  private final AgencyDirectory agencies;
  private final TipNotices notices;
  private final TipAudit audit;

  public TipDispatch(
      TipWrites writes, AgencyDirectory agencies, TipNotices notices, TipAudit audit) {
    this.writes = writes;
    this.agencies = agencies;
    this.notices = notices;
    this.audit = audit;
  }

  public Tip assign(
      AgencyPrincipal caller, String tipId, String agencyId, String officer, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_ASSIGNED",
        () -> {
          Violations v = new Violations();
          IdChecks.checkLength(v, "agency_id", agencyId);
          v.requireText("officer", officer);
          NewTip.max(v, "officer", officer, 200);
          v.throwIfAny();
          Tip t = TipAccess.dispatcher(writes.load(tipId), caller);
          String agency = agencyId == null || agencyId.isBlank() ? t.receivingAgencyId() : agencyId;
          requireAgency("agency_id", agency);
          Tip next =
              writes.write(
                  t, version, x -> x.assign(agency, officer.strip(), writes.stamp(caller)));
          audit.success(caller, tipId, "TIP_ASSIGNED", "assigned to " + agency);
          return next;
        });
  }

  public Tip refer(
      AgencyPrincipal caller, String tipId, String agencyId, String reason, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_REFERRED",
        () -> {
          Triage.bounded("reason", reason);
          Violations v = new Violations();
          v.requireText("agency_id", agencyId);
          IdChecks.checkLength(v, "agency_id", agencyId);
          v.throwIfAny();
          Tip t = TipAccess.dispatcher(writes.load(tipId), caller);
          requireAgency("agency_id", agencyId);
          if (agencyId.equals(t.receivingAgencyId())) {
            throw TaskforceException.invalidArgument("agency_id", "is the receiving agency itself");
          }
          if (sameReferral(t, agencyId, Triage.strip(reason), version)) {
            // A retry of a referral that was written (its answer lost, or the service stopped
            // before the notice was released): the same answer, and the notice goes out now.
            notices.referred(t);
            audit.success(caller, tipId, "TIP_REFERRED", "referred to " + agencyId + " (retry)");
            return t;
          }
          if (t.version() != version) {
            throw TaskforceException.staleEtag("tip", tipId);
          }
          Tip next = t.refer(agencyId, Triage.strip(reason), writes.stamp(caller));
          if (!notices.referring(next, () -> writes.store().replace(next, version))) {
            throw TaskforceException.staleEtag("tip", tipId);
          }
          audit.success(caller, tipId, "TIP_REFERRED", "referred to " + agencyId);
          return next;
        });
  }

  /** Whether {@code t} is this referral, written over the version the caller read. */
  private static boolean sameReferral(Tip t, String agencyId, String reason, long version) {
    return t.version() == version + 1
        && t.status() == TipStatus.REFERRED
        && t.triage().referredAgencyId().equals(agencyId)
        && t.triage().note().equals(reason);
  }

  private void requireAgency(String field, String agencyId) {
    if (agencies.find(agencyId).isEmpty()) {
      throw TaskforceException.invalidArgument(field, "is not an agency of the task force");
    }
  }
}
