package org.taskforce.deconfliction.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.taskforce.deconfliction.domain.Disclosure;

/**
 * {@code taskforce.deconfliction.*}: matching policy, retention, alerting and partners. Every
 * default is the documented policy (README, "Deconfliction policy"). The agencies' display names
 * come from the platform's directory ({@code taskforce.agencies}).
 *
 * @param watchAgencyId the agency whose watch officers broker conflicts and review matches; the
 *     watch-officer role in any other agency gives no watch-officer powers
 * @param defaultDisclosure what a registration without a disclosure level gets (AGENCY_ONLY or
 *     RESTRICTED; OPEN is refused at start: unset never reveals a contact)
 * @param agencyDisclosure an agency's own default in place of {@code defaultDisclosure}
 * @param escalateBefore how long before its deadline an unacknowledged conflict is escalated to the
 *     watch officers
 * @param nameOnlyBound a check that registers nothing answers a name given without a date of birth
 *     with "many registered persons fit this name" (and a band, no pointers, no alerts) when more
 *     registered persons the asker may see than this fit it
 * @param rebuildMatchIndex rebuild the match index from the registrations at start (the operator's
 *     command, see {@link MatchIndexRebuild})
 * @param caseFeed case-service, told when the conflicts of a subject's registration change
 */
@ConfigurationProperties("taskforce.deconfliction")
public record DeconflictionProperties(
    @DefaultValue("180d") Duration defaultExpiry,
    @DefaultValue("1827d") Duration maxLifetime,
    @DefaultValue("30d") Duration purgeAfter,
    @DefaultValue("false") boolean matchOwnAgency,
    @DefaultValue("nm-ago") String watchAgencyId,
    @DefaultValue("AGENCY_ONLY") Disclosure defaultDisclosure,
    Map<String, Disclosure> agencyDisclosure,
    @DefaultValue("24h") Duration targetAcknowledgeWithin,
    @DefaultValue("1h") Duration escalateBefore,
    @DefaultValue("25") int nameOnlyBound,
    @DefaultValue Events events,
    @DefaultValue Retention retention,
    @DefaultValue Repair repair,
    @DefaultValue("false") boolean rebuildMatchIndex,
    @DefaultValue Notifications notifications,
    @DefaultValue CaseFeed caseFeed,
    List<Partner> partners) {

  public DeconflictionProperties {
    if (nameOnlyBound < 1) {
      throw new IllegalArgumentException(
          "taskforce.deconfliction.name-only-bound must be at least 1 (a name-only ask with more"
              + " visible namesakes than this is answered as crowded), was "
              + nameOnlyBound);
    }
    agencyDisclosure = agencyDisclosure == null ? Map.of() : Map.copyOf(agencyDisclosure);
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
   * @param interval how often the repair sweep looks for registrations whose writes stopped half
   *     way
   * @param grace how long a registration's writes may be in flight before the sweep settles them
   */
  public record Repair(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1m") Duration interval,
      @DefaultValue("1m") Duration grace) {}

  /**
   * @param channel the Spring gRPC client channel of notification-service
   */
  public record Notifications(
      @DefaultValue("notifications") String channel, @DefaultValue("5s") Duration timeout) {}

  /**
   * @param enabled tell case-service (through the outbox) when the conflicts or review items of a
   *     registration made with a request id change, so case subjects follow their conflicts
   * @param channel the Spring gRPC client channel of case-service
   */
  public record CaseFeed(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("cases") String channel,
      @DefaultValue("5s") Duration timeout) {}

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
