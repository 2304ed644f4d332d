package org.taskforce.cases.intake.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taskforce.intake.*}: tips and referrals.
 *
 * @param reporterKey 32 random bytes, base64: encrypts reporters' identities in the database. Empty
 *     is allowed only on the embedded development database (a fixed development key); with a real
 *     MongoDB case-service refuses to start without it
 * @param intakeAgencyId the agency a tip goes to when its creator names none
 * @param urgentAcknowledgeWithin how long the receiving agency has to take an urgent tip before
 *     notification-service escalates it to the watch officers
 * @param checkThreads how many deconfliction checks a bulk import makes at once
 * @param conversionSweep the sweep that finishes conversions a crash left CONVERTING
 */
@ConfigurationProperties("taskforce.intake")
public record IntakeProperties(
    @DefaultValue("") String reporterKey,
    @DefaultValue("nm-ago") String intakeAgencyId,
    @DefaultValue("30m") Duration urgentAcknowledgeWithin,
    @DefaultValue("4") int checkThreads,
    @DefaultValue ConversionSweep conversionSweep) {

  /**
   * @param interval pause between sweeps (0: no sweep)
   * @param settleAfter how old a claim must be before the sweep finishes it (a conversion still
   *     running is its request's; finishing twice writes nothing twice, but costs the work)
   */
  public record ConversionSweep(
      @DefaultValue("1m") Duration interval, @DefaultValue("2m") Duration settleAfter) {}
}
