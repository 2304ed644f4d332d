package org.taskforce.cases.config;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taskforce.cases.*}: case numbering, retention review and the peers case-service calls. The
 * task force's agencies are the platform's directory ({@code taskforce.agencies}).
 *
 * @param numberPrefix prefix of readable case numbers, e.g. NMHTTF gives NMHTTF-2026-0042
 * @param zone the task force's time zone, for case-number years and review dates
 * @param defaultReview when a new case is first due for review
 * @param maxReview how far ahead a review may be set (28 CFR Part 23: five years)
 * @param sweep the sweep that settles subject registrations the outbox did not
 */
@ConfigurationProperties("taskforce.cases")
public record CaseProperties(
    @DefaultValue("NMHTTF") String numberPrefix,
    @DefaultValue("America/Denver") ZoneId zone,
    @DefaultValue("P1Y") Period defaultReview,
    @DefaultValue("P5Y") Period maxReview,
    @DefaultValue Peer deconfliction,
    @DefaultValue Peer notifications,
    @DefaultValue Sweep sweep) {

  /**
   * @param interval pause between sweeps (0: no sweep)
   * @param settleAfter age from which a PENDING subject or an unconfirmed withdrawal is the sweep's
   * @param renewBefore how long before expiry a registration of an open case is renewed
   */
  public record Sweep(
      @DefaultValue("1m") Duration interval,
      @DefaultValue("5m") Duration settleAfter,
      @DefaultValue("30d") Duration renewBefore) {}

  /**
   * @param channel the Spring gRPC client channel (spring.grpc.client.channels.&lt;channel&gt;)
   * @param timeout deadline of each call
   * @param circuitOpenFor after repeated outages, how long calls fail fast before one is tried
   */
  public record Peer(
      String channel,
      @DefaultValue("3s") Duration timeout,
      @DefaultValue("15s") Duration circuitOpenFor) {}
}
