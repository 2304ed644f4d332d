package org.taskforce.deconfliction.config;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.taskforce.deconfliction.adapter.grpc.DeconflictionGrpcService;
import org.taskforce.deconfliction.adapter.grpc.PartnerDeconflictionGrpcService;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.adapter.mongo.MongoMatchIndex;
import org.taskforce.deconfliction.adapter.mongo.MongoReviewStore;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.adapter.notifications.OutboxAlerts;
import org.taskforce.deconfliction.adapter.partner.GrpcPartnerDirectory;
import org.taskforce.deconfliction.application.AlertComposer;
import org.taskforce.deconfliction.application.Checks;
import org.taskforce.deconfliction.application.ConflictWorkflow;
import org.taskforce.deconfliction.application.DeconflictionSettings;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.application.Retention;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.notify.NoticeOutbox;
import org.taskforce.platform.notify.NoticePublisher;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.security.ServiceTokenSource;

/** Explicit wiring of the deconfliction service: stores, use cases, gRPC services, peers. */
@Configuration(proxyBeanMethods = false)
public class DeconflictionConfiguration {

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
  MongoConflictStore conflictStore(MongoDatabase database) {
    return new MongoConflictStore(database);
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
  AlertComposer alertComposer(Outbox outbox, DeconflictionProperties p) {
    return new AlertComposer(new OutboxAlerts(new NoticeOutbox(outbox)), p.watchAgencyId());
  }

  @Bean
  Function<String, String> agencyNames(DeconflictionProperties p) {
    return id -> p.agencies().getOrDefault(id, id);
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
      Clock clock) {
    return new Matcher(targets, events, index, conflicts, reviews, alerts, settings, clock);
  }

  @Bean
  TargetRegistrations targetRegistrations(
      MongoTargetStore store,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock) {
    return new TargetRegistrations(store, index, matcher, settings, agencyNames, audit, clock);
  }

  @Bean
  EventRegistrations eventRegistrations(
      MongoEventStore store,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock) {
    return new EventRegistrations(store, index, matcher, settings, agencyNames, audit, clock);
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
  Checks checks(
      Matcher matcher,
      TargetRegistrations targets,
      EventRegistrations events,
      AlertComposer alerts,
      GrpcPartnerDirectory partners,
      Function<String, String> agencyNames,
      AuditTrail audit) {
    return new Checks(matcher, targets, events, alerts, partners, agencyNames, audit);
  }

  @Bean
  ConflictWorkflow conflictWorkflow(
      MongoConflictStore conflicts,
      MongoReviewStore reviews,
      Matcher matcher,
      AuditTrail audit,
      Clock clock) {
    return new ConflictWorkflow(conflicts, reviews, matcher, audit, clock);
  }

  @Bean
  Retention retention(
      MongoTargetStore targets,
      MongoEventStore events,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      AuditTrail audit,
      Clock clock) {
    return new Retention(targets, events, index, matcher, settings, audit, clock);
  }

  @Bean
  RetentionScheduler retentionScheduler(Retention retention, DeconflictionProperties p) {
    return new RetentionScheduler(retention, p.retention());
  }

  @Bean
  DeconflictionGrpcService deconflictionGrpcService(
      TargetRegistrations targets,
      EventRegistrations events,
      Checks checks,
      ConflictWorkflow workflow) {
    return new DeconflictionGrpcService(targets, events, checks, workflow);
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
