package org.taskforce.deconfliction.config;

import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.taskforce.deconfliction.adapter.grpc.DeconflictionGrpcService;
import org.taskforce.deconfliction.adapter.grpc.PartnerDeconflictionGrpcService;
import org.taskforce.deconfliction.adapter.partner.GrpcPartnerDirectory;
import org.taskforce.deconfliction.application.AlertComposer;
import org.taskforce.deconfliction.application.CheckBeforeActing;
import org.taskforce.deconfliction.application.ConflictSides;
import org.taskforce.deconfliction.application.ConflictWorkflow;
import org.taskforce.deconfliction.application.DeconflictionSettings;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.JointRegistrations;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.application.PartnerCheck;
import org.taskforce.deconfliction.application.ReviewQueue;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.faults.HaltAtSeam;
import org.taskforce.platform.faults.WriteSeams;

/**
 * Explicit wiring of the deconfliction service's policies, checks, conflict workflow and gRPC
 * services; registering targets and operations is wired in {@link RegistrationConfiguration}, its
 * stores and peers in {@link DeconflictionAdapterConfiguration}, its periodic jobs in {@link
 * MaintenanceConfiguration}. What is built from other beans alone is imported by class and built by
 * its one constructor.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  ConflictSides.class,
  ConflictWorkflow.class,
  ReviewQueue.class,
  DeconflictionGrpcService.class,
  PartnerDeconflictionGrpcService.class
})
public class DeconflictionConfiguration {
  @Bean
  DeconflictionSettings deconflictionSettings(DeconflictionProperties p) {
    DeconflictionProperties.Events eventSettings = p.events();
    return new DeconflictionSettings(
        p.defaultExpiry(),
        p.maxLifetime(),
        p.purgeAfter(),
        p.matchOwnAgency(),
        new EventRules(
            eventSettings.bufferMeters(),
            eventSettings.timeBuffer(),
            eventSettings.maxRadiusMeters(),
            eventSettings.maxDuration(),
            eventSettings.cellDegrees()),
        p.targetAcknowledgeWithin(),
        p.nameOnlyBound());
  }

  @Bean
  DisclosurePolicy disclosurePolicy(DeconflictionProperties p) {
    return new DisclosurePolicy(p.watchAgencyId(), p.defaultDisclosure(), p.agencyDisclosure());
  }

  /**
   * No crash seams in production; in-process fault tests replace this bean with one that throws,
   * real-process ones kill the service at a seam with the hook {@link HaltAtSeam} (refused unless
   * explicitly enabled).
   */
  @Bean
  @ConditionalOnMissingBean
  WriteSeams crashSeams(Environment environment) {
    return HaltAtSeam.seams(environment);
  }

  @Bean
  Function<String, String> agencyNames(AgencyDirectory agencies) {
    return agencies::displayName;
  }

  @Bean
  CheckBeforeActing checkBeforeActing(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      GrpcPartnerDirectory partners,
      Function<String, String> agencyNames,
      AuditTrail audit,
      JointRegistrations joint) {
    return new CheckBeforeActing(
        matcher, targets, events, alerts, partners, agencyNames, audit, joint);
  }

  @Bean
  PartnerCheck partnerCheck(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      Function<String, String> agencyNames,
      AuditTrail audit) {
    return new PartnerCheck(matcher, targets, events, alerts, agencyNames, audit);
  }
}
