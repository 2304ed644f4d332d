package org.taskforce.cases.application;

import java.time.Instant;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Subject;

/**
 * deconfliction-service as case-service uses it. Calls act as the current caller (its token is
 * propagated) or, from the outbox, on the caller's behalf. Refusals come back as the platform's
 * TaskforceException (bad selectors as INVALID_ARGUMENT with fields under {@code subject.});
 * outages as {@link Unavailable}.
 */
public interface TargetRegistry {
  /** Registers the subject's selectors; idempotent on the subject's id. */
  Registration register(Subject subject, String caseReference);

  /** Withdraws a registration; done when it is already withdrawn or gone. */
  void withdraw(String registrationId, String reason);

  /**
   * Renews a registration for deconfliction's default period from now; returns its new expiry.
   * Refused (FAILED_PRECONDITION) for one that is withdrawn.
   */
  Instant renew(String registrationId);

  /**
   * @param expires when the registration lapses unless renewed; null if deconfliction did not say
   */
  record Registration(String registrationId, DeconflictionState state, Instant expires) {}

  /** deconfliction-service did not answer (down, slow, or its circuit is open): try later. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
