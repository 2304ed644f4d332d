package org.taskforce.notifications.application;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How deliveries are retried: which answers are worth another try, how long to wait before it
 * (exponential backoff with ±20 % jitter, capped) and how many attempts a delivery gets before it
 * moves to the dead-letter list.
 *
 * @param timeout how long one attempt waits for an answer
 * @param lease how long a replica holds a delivery it is attempting
 */
public record DeliveryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration timeout,
    Duration lease) {

  /** 5xx, 408, 429 and no answer at all (0) are retried; any other 4xx is final. */
  public static boolean retriable(int status) {
    return status == 0 || status >= 500 || status == 408 || status == 429;
  }

  public static boolean succeeded(int status) {
    return status >= 200 && status < 300;
  }

  /** Whether a delivery that has had {@code previousAttempts} may have one after the next. */
  public boolean budgetLeftAfter(int previousAttempts) {
    return previousAttempts + 1 < maxAttempts;
  }

  /** The wait before the attempt after {@code previousAttempts} failed ones. */
  public Duration backoff(int previousAttempts) {
    long base = initialBackoff.toMillis() << Math.min(previousAttempts, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
    return Duration.ofMillis(Math.max(1, capped + jitter));
  }
}
