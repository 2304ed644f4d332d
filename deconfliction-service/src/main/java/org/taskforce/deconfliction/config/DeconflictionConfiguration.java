package org.taskforce.deconfliction.config;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.taskforce.deconfliction.adapter.grpc.DeconflictionGrpcService;
import org.taskforce.deconfliction.adapter.grpc.PartnerDeconflictionGrpcService;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.adapter.mongo.MongoMatchIndex;
import org.taskforce.deconfliction.adapter.mongo.MongoPendingRegistrations;
import org.taskforce.deconfliction.adapter.mongo.MongoReviewStore;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.adapter.notifications.OutboxAlerts;
import org.taskforce.deconfliction.adapter.partner.GrpcPartnerDirectory;
import org.taskforce.deconfliction.application.AlertComposer;
import org.taskforce.deconfliction.application.Checks;
import org.taskforce.deconfliction.application.ConflictEscalation;
import org.taskforce.deconfliction.application.ConflictSides;
import org.taskforce.deconfliction.application.ConflictWorkflow;
import org.taskforce.deconfliction.application.CrashSeams;
import org.taskforce.deconfliction.application.DeconflictionSettings;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.JointRegistrations;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.application.RegistrationRepair;
import org.taskforce.deconfliction.application.Retention;
import org.taskforce.deconfliction.application.SubjectFeed;
import org.taskforce.deconfliction.application.SubjectVersionFloors;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.faults.HaltAtSeam;
import org.taskforce.platform.notify.NoticeOutbox;
import org.taskforce.platform.notify.NoticePublisher;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.ServiceTokenSource;

/** Explicit wiring of the deconfliction service: stores, use cases, gRPC services, peers. */
@Configuration(proxyBeanMethods = false)
public class DeconflictionConfiguration {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(DeconflictionConfiguration.class);

  @Bean
  DeconflictionSettings deconflictionSettings(DeconflictionProperties p) {
    DeconflictionProperties.Events e = p.events();
    return new DeconflictionSettings(
        p.defaultExpiry(),
        p.maxLifetime(),
        p.purgeAfter(),
        p.matchOwnAgency(),
        new EventRules(
            e.bufferMeters(),
            e.timeBuffer(),
            e.maxRadiusMeters(),
            e.maxDuration(),
            e.cellDegrees()),
        p.targetAcknowledgeWithin());
  }

  @Bean
  MongoTargetStore targetStore(MongoDatabase database) {
    return new MongoTargetStore(database);
  }

  @Bean
  MongoEventStore eventStore(MongoDatabase database) {
    return new MongoEventStore(database);
  }

  @Bean
  DisclosurePolicy disclosurePolicy(DeconflictionProperties p) {
    return new DisclosurePolicy(p.watchAgencyId(), p.defaultDisclosure(), p.agencyDisclosure());
  }

  @Bean
  MongoConflictStore conflictStore(MongoDatabase database, DisclosurePolicy policy) {
    return new MongoConflictStore(database, policy);
  }

  @Bean
  MongoReviewStore reviewStore(MongoDatabase database) {
    return new MongoReviewStore(database);
  }

  @Bean
  MongoMatchIndex matchIndex(MongoDatabase database) {
    return new MongoMatchIndex(database);
  }

  @Bean
  MongoPendingRegistrations pendingRegistrations(MongoDatabase database) {
    return new MongoPendingRegistrations(database);
  }

  /**
   * No crash seams in production; in-process fault tests replace this bean with one that throws,
   * real-process ones kill the service at a seam with the hook {@link HaltAtSeam} (refused unless
   * explicitly enabled).
   */
  @Bean
  @ConditionalOnMissingBean
  CrashSeams crashSeams(Environment environment) {
    return HaltAtSeam.from(environment).<CrashSeams>map(h -> h::reached).orElse(CrashSeams.NONE);
  }

  @Bean
  RegistrationRepair registrationRepair(
      MongoPendingRegistrations pending,
      MongoTargetStore targets,
      MongoEventStore events,
      TargetRegistrations targetRegistrations,
      EventRegistrations eventRegistrations,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionProperties p,
      Clock clock,
      JointRegistrations joint) {
    return new RegistrationRepair(
        pending,
        targets,
        events,
        targetRegistrations,
        eventRegistrations,
        index,
        matcher,
        p.repair().grace(),
        clock,
        joint);
  }

  @Bean
  ConflictEscalation conflictEscalation(
      MongoConflictStore conflicts,
      AlertComposer alerts,
      DisclosurePolicy policy,
      AuditTrail audit,
      DeconflictionProperties p,
      Clock clock) {
    return new ConflictEscalation(conflicts, alerts, policy, audit, p.escalateBefore(), clock);
  }

  /**
   * Every minute: settles registrations whose writes stopped half way (a crash between storing,
   * indexing and matching) and escalates conflicts unacknowledged near their deadline.
   */
  @Bean
  PeriodicJob repairSweep(
      RegistrationRepair repair, ConflictEscalation escalation, DeconflictionProperties p) {
    return new PeriodicJob(
        "repair-sweep",
        p.repair().enabled(),
        p.repair().interval(),
        () -> {
          int settled = repair.sweep();
          if (settled > 0) {
            log.warn("repair sweep: settled {} registrations left half-done", settled);
          }
          int escalated = escalation.run();
          if (escalated > 0) {
            log.info("escalated {} unacknowledged conflicts to the watch officers", escalated);
          }
        });
  }

  @Bean
  @ConditionalOnBooleanProperty("taskforce.deconfliction.rebuild-match-index")
  MatchIndexRebuild matchIndexRebuild(RegistrationRepair repair) {
    return new MatchIndexRebuild(repair);
  }

  @Bean
  AlertComposer alertComposer(Outbox outbox, DisclosurePolicy policy) {
    return new AlertComposer(new OutboxAlerts(new NoticeOutbox(outbox)), policy);
  }

  @Bean
  Function<String, String> agencyNames(DeconflictionProperties p) {
    return id -> p.agencies().getOrDefault(id, id);
  }

  @Bean
  ConflictSides conflictSides(
      MongoConflictStore conflicts, MongoReviewStore reviews, SubjectFeed feed) {
    return new ConflictSides(conflicts, reviews, feed);
  }

  @Bean
  Matcher matcher(
      MongoTargetStore targets,
      MongoEventStore events,
      MongoMatchIndex index,
      MongoConflictStore conflicts,
      MongoReviewStore reviews,
      AlertComposer alerts,
      DeconflictionSettings settings,
      Clock clock,
      SubjectFeed feed) {
    return new Matcher(targets, events, index, conflicts, reviews, alerts, settings, clock, feed);
  }

  @Bean
  TargetRegistrations targetRegistrations(
      MongoTargetStore store,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      MongoPendingRegistrations pending,
      CrashSeams seams,
      ConflictSides conflictSides) {
    return new TargetRegistrations(
        store,
        index,
        matcher,
        settings,
        agencyNames,
        audit,
        clock,
        policy,
        pageTokens,
        pending,
        seams,
        conflictSides);
  }

  @Bean
  EventRegistrations eventRegistrations(
      MongoEventStore store,
      MongoTargetStore targets,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      MongoPendingRegistrations pending,
      CrashSeams seams,
      ConflictSides conflictSides) {
    return new EventRegistrations(
        store,
        targets,
        index,
        matcher,
        settings,
        agencyNames,
        audit,
        clock,
        policy,
        pageTokens,
        pending,
        seams,
        conflictSides);
  }

  @Bean(destroyMethod = "close")
  GrpcPartnerDirectory partnerDirectory(DeconflictionProperties p, Clock clock) {
    return new GrpcPartnerDirectory(
        p.partners().stream()
            .map(partner ->
                new GrpcPartnerDirectory.Partner(
                    partner.id(),
                    partner.displayName() == null ? partner.id() : partner.displayName(),
                    partner.target(),
                    partner.plaintext(),
                    partner.timeout(),
                    partner.tokenUri() == null || partner.tokenUri().isBlank()
                        ? Optional.empty()
                        : Optional.of(
                            new ServiceTokenSource(
                                URI.create(partner.tokenUri()),
                                partner.clientId(),
                                partner.clientSecret(),
                                clock))))
            .toList());
  }

  @Bean
  JointRegistrations jointRegistrations(
      TargetRegistrations targets,
      EventRegistrations events,
      MongoPendingRegistrations pending,
      CrashSeams seams) {
    return new JointRegistrations(targets, events, pending, seams);
  }

  @Bean
  Checks checks(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      GrpcPartnerDirectory partners,
      Function<String, String> agencyNames,
      AuditTrail audit,
      JointRegistrations joint) {
    return new Checks(matcher, targets, events, alerts, partners, agencyNames, audit, joint);
  }

  @Bean
  ConflictWorkflow conflictWorkflow(
      MongoConflictStore conflicts,
      MongoReviewStore reviews,
      Matcher matcher,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      AlertComposer alerts,
      SubjectFeed feed) {
    return new ConflictWorkflow(
        conflicts, reviews, matcher, audit, clock, policy, pageTokens, alerts, feed);
  }

  @Bean
  Retention retention(
      MongoTargetStore targets,
      MongoEventStore events,
      MongoConflictStore conflicts,
      MongoReviewStore reviews,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      AuditTrail audit,
      Clock clock,
      SubjectFeed feed,
      SubjectVersionFloors floors) {
    return new Retention(
        targets, events, conflicts, reviews, index, matcher, settings, audit, clock, feed, floors);
  }

  @Bean
  PeriodicJob retentionJob(Retention retention, DeconflictionProperties p) {
    return new PeriodicJob(
        "retention",
        p.retention().enabled(),
        p.retention().interval(),
        () -> {
          Retention.Report r = retention.run();
          if (r.expired() + r.purgedTargets() + r.purgedEvents() > 0) {
            log.info(
                "retention: {} registrations expired, {} targets, {} events, {} conflicts and {}"
                    + " review items purged",
                r.expired(),
                r.purgedTargets(),
                r.purgedEvents(),
                r.purgedConflicts(),
                r.purgedReviews());
          }
        });
  }

  @Bean
  DeconflictionGrpcService deconflictionGrpcService(
      TargetRegistrations targets,
      EventRegistrations events,
      Checks checks,
      ConflictWorkflow workflow,
      DisclosurePolicy policy) {
    return new DeconflictionGrpcService(targets, events, checks, workflow, policy);
  }

  @Bean
  PartnerDeconflictionGrpcService partnerDeconflictionGrpcService(Checks checks) {
    return new PartnerDeconflictionGrpcService(checks);
  }

  /** Alerts reach notification-service; a prepared alert only if its conflict or item exists. */
  @Bean
  NoticePublisher noticePublisher(
      GrpcChannelFactory channels,
      DeconflictionProperties p,
      MongoConflictStore conflicts,
      MongoReviewStore reviews) {
    return new NoticePublisher(
        channels.createChannel(p.notifications().channel()),
        p.notifications().timeout(),
        resource -> {
          if (resource.startsWith("conflicts/") && resource.endsWith(AlertComposer.ESCALATION)) {
            String id =
                resource.substring(
                    "conflicts/".length(), resource.length() - AlertComposer.ESCALATION.length());
            return conflicts
                .find(id)
                .map(org.taskforce.deconfliction.domain.Conflict::escalated)
                .orElse(false);
          }
          if (resource.startsWith("conflicts/") && resource.endsWith(AlertComposer.RESOLUTION)) {
            String id =
                resource.substring(
                    "conflicts/".length(), resource.length() - AlertComposer.RESOLUTION.length());
            return conflicts
                .find(id)
                .map(c -> c.status() == org.taskforce.deconfliction.domain.Conflict.Status.RESOLVED)
                .orElse(false);
          }
          if (resource.startsWith("conflicts/")) {
            return conflicts.exists(resource.substring("conflicts/".length()));
          }
          if (resource.startsWith("reviewItems/")) {
            return reviews.exists(resource.substring("reviewItems/".length()));
          }
          return true;
        });
  }
}
