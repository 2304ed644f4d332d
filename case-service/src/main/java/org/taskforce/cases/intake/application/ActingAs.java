package org.taskforce.cases.intake.application;

import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Runs background work in a user's name: calls to other services made meanwhile carry
 * case-service's own token naming that user (the platform's delegation), as when the user's request
 * did the work itself.
 */
@FunctionalInterface
public interface ActingAs {
  void run(AgencyPrincipal user, String requestId, Runnable work);
}
