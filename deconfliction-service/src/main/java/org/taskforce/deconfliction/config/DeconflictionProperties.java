package org.taskforce.deconfliction.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taskforce.deconfliction.*}: matching policy, retention, alerting and partners. Every
 * default is the documented policy (README, "Deconfliction policy").
 *
 * @param watchAgencyId the agency whose watch officers broker conflicts and review matches
 * @param agencies display names of the task force's agencies by id (the id when missing)
 */
@ConfigurationProperties("taskforce.deconfliction")
public record DeconflictionProperties(
    @DefaultValue("180d") Duration defaultExpiry,
    @DefaultValue("1827d") Duration maxLifetime,
    @DefaultValue("30d") Duration purgeAfter,
    @DefaultValue("false") boolean matchOwnAgency,
    @DefaultValue("nm-ago") String watchAgencyId,
    @DefaultValue("24h") Duration targetAcknowledgeWithin,
    @DefaultValue Events events,
    @DefaultValue Retention retention,
    @DefaultValue Notifications notifications,
    Map<String, String> agencies,
    List<Partner> partners) {

  public DeconflictionProperties {
    agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    partners = partners == null ? List.of() : List.copyOf(partners);
  }

  /**
   * @param bufferMeters circles closer than this still conflict
   * @param timeBuffer windows closer than this still conflict
   */
  public record Events(
      @DefaultValue("200") double bufferMeters,
      @DefaultValue("1h") Duration timeBuffer,
      @DefaultValue("5000") double maxRadiusMeters,
      @DefaultValue("14d") Duration maxDuration,
      @DefaultValue("0.05") double cellDegrees) {}

  /**
   * @param interval how often expiry and purges run
   */
  public record Retention(
      @DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration interval) {}

  /**
   * @param channel the Spring gRPC client channel of notification-service
   */
  public record Notifications(
      @DefaultValue("notifications") String channel, @DefaultValue("5s") Duration timeout) {}

  /**
   * A partner deconfliction system.
   *
   * @param target gRPC target, e.g. {@code dns:///deconfliction.partner.example:443}
   * @param plaintext h2c instead of TLS (in-cluster or tests only)
   * @param tokenUri the partner's OAuth token endpoint for client credentials; empty: none
   */
  public record Partner(
      String id,
      String displayName,
      String target,
      @DefaultValue("false") boolean plaintext,
      @DefaultValue("2s") Duration timeout,
      String tokenUri,
      String clientId,
      String clientSecret) {}
}
