package org.taskforce.deconfliction.adapter.partner;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.taskforce.deconfliction.adapter.partner.GrpcPartnerDirectory.Partner;
import org.taskforce.deconfliction.application.Hit;
import org.taskforce.deconfliction.application.PartnerDirectory.PartnerResult;

/** How each partner's ask ended, said in words the asker can act on; a failure is never silent. */
final class PartnerOutcomes {
  private PartnerOutcomes() {}

  static PartnerResult answered(Partner p, List<Hit> hits) {
    return new PartnerResult(
        p.id(),
        p.displayName(),
        PartnerResult.Status.ANSWERED,
        hits.isEmpty() ? "no conflicts" : hits.size() + " conflicts",
        hits);
  }

  static PartnerResult circuitOpen(Partner p) {
    return new PartnerResult(
        p.id(),
        p.displayName(),
        PartnerResult.Status.UNAVAILABLE,
        "not asked: the partner failed repeatedly (circuit open); ask them directly",
        List.of());
  }

  static PartnerResult timedOut(Partner p) {
    return new PartnerResult(
        p.id(),
        p.displayName(),
        PartnerResult.Status.TIMED_OUT,
        "no answer within " + p.timeout().toMillis() + " ms; ask them directly",
        List.of());
  }

  static PartnerResult failure(Partner p, StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    if (code == Status.Code.DEADLINE_EXCEEDED) {
      return timedOut(p);
    }
    if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
      return new PartnerResult(
          p.id(),
          p.displayName(),
          PartnerResult.Status.REFUSED,
          "the partner refused our credentials (" + code + ")",
          List.of());
    }
    return new PartnerResult(
        p.id(),
        p.displayName(),
        PartnerResult.Status.UNAVAILABLE,
        "the partner did not answer (" + code + "); ask them directly",
        List.of());
  }

  static PartnerResult unavailable(Partner p, Throwable e) {
    return new PartnerResult(
        p.id(),
        p.displayName(),
        PartnerResult.Status.UNAVAILABLE,
        "the partner could not be reached ("
            + e.getClass().getSimpleName()
            + "); ask them directly",
        List.of());
  }
}
