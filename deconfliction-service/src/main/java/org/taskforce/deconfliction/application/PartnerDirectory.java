package org.taskforce.deconfliction.application;

import java.util.List;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.TargetSelector;

/** The configured partner deconfliction systems, asked during a check. */
public interface PartnerDirectory {
  /**
   * What one partner answered; an unreachable partner is listed with its status, never left out.
   */
  record PartnerResult(
      String partnerId, String displayName, Status status, String detail, List<Hit> hits) {
    public enum Status {
      ANSWERED,
      UNAVAILABLE,
      TIMED_OUT,
      REFUSED
    }
  }

  /** Asks every configured partner at once; waits at most each partner's timeout. */
  List<PartnerResult> ask(
      List<TargetSelector> selectors,
      EventPlan plannedEvent,
      String purpose,
      String requestingAgencyId);
}
