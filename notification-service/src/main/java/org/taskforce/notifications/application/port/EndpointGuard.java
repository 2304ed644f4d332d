package org.taskforce.notifications.application.port;

/**
 * Keeps calls away from an endpoint that keeps failing (a circuit breaker per endpoint): while it
 * is open nothing is sent there, and a trial call now and then finds out whether it is back.
 */
public interface EndpointGuard {
  /** Whether a call to this endpoint may go now; if so, report its outcome or release it. */
  boolean tryEnter(String endpointId);

  /** A permitted call that was not made after all. */
  void release(String endpointId);

  /** The endpoint answered (even if it refused the one request): it is up. */
  void succeeded(String endpointId, long millis);

  /** The endpoint failed in a way that says it may be down (5xx, 408, 429, no answer). */
  void failed(String endpointId, long millis, String why);

  /** Whether calls to this endpoint are held back now (open, or trying one call). */
  boolean isHoldingBack(String endpointId);
}
