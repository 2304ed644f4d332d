package org.taskforce.deconfliction.config;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.adapter.mongo.MongoMatchIndex;
import org.taskforce.deconfliction.adapter.mongo.MongoPendingRegistrations;
import org.taskforce.deconfliction.adapter.mongo.MongoReviewStore;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.adapter.partner.GrpcPartnerDirectory;
import org.taskforce.deconfliction.application.AlertComposer;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.platform.notify.NoticeOutbox;
import org.taskforce.platform.notify.NoticePublisher;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.security.ServiceTokenSource;

/**
 * The deconfliction service's adapters out: MongoDB stores, partner systems, notification-service.
 * The stores are registered by class ({@code @Import}), built from the database (and the conflicts'
 * store from the disclosure policy) by their one constructor.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  MongoTargetStore.class,
  MongoEventStore.class,
  MongoConflictStore.class,
  MongoReviewStore.class,
  MongoMatchIndex.class,
  MongoPendingRegistrations.class
})
public class DeconflictionAdapterConfiguration {
  @Bean
  AlertComposer alertComposer(Outbox outbox, DisclosurePolicy policy) {
    return new AlertComposer(new NoticeOutbox(outbox), policy);
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
