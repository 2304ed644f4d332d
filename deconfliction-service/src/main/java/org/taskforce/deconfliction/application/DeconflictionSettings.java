package org.taskforce.deconfliction.application;

import java.time.Duration;
import org.taskforce.deconfliction.domain.EventRules;

/**
 * Policy knobs, documented in the README.
 *
 * @param defaultExpiry how long a registration lives without renewal (180 days)
 * @param maxLifetime the longest a registration may live from its creation (5 years, 28 CFR 23)
 * @param purgeAfter how long ended registrations are kept for review before they are purged
 * @param matchOwnAgency whether an agency's registrations are compared with its own
 * @param eventRules when two operations conflict
 * @param targetAcknowledgeWithin acknowledge target conflicts within this time
 * @param nameOnlyBound a check that registers nothing answers a name without a date of birth as
 *     "many registered persons fit" when more visible registered persons than this fit it
 */
public record DeconflictionSettings(
    Duration defaultExpiry,
    Duration maxLifetime,
    Duration purgeAfter,
    boolean matchOwnAgency,
    EventRules eventRules,
    Duration targetAcknowledgeWithin,
    int nameOnlyBound) {
  public static final DeconflictionSettings DEFAULTS =
      new DeconflictionSettings(
          Duration.ofDays(180),
          Duration.ofDays(5 * 365 + 1),
          Duration.ofDays(30),
          false,
          EventRules.DEFAULTS,
          Duration.ofHours(24),
          25);
}
