package org.taskforce.notifications.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.taskforce.notifications.adapter.grpc.InboxRpcs;
import org.taskforce.notifications.adapter.grpc.NotificationGrpcService;
import org.taskforce.notifications.adapter.grpc.NotificationStreams;
import org.taskforce.notifications.adapter.grpc.PublishingRpcs;
import org.taskforce.notifications.adapter.grpc.StreamRpcs;
import org.taskforce.notifications.adapter.grpc.WebhookDeliveryRpcs;
import org.taskforce.notifications.adapter.grpc.WebhookSubscriptionRpcs;
import org.taskforce.notifications.adapter.mongo.MongoNotificationStore;
import org.taskforce.notifications.application.Escalation;
import org.taskforce.notifications.application.ListInbox;
import org.taskforce.notifications.application.NotificationReceipts;
import org.taskforce.notifications.application.PublishNotifications;
import org.taskforce.notifications.application.WebhookFanOut;
import org.taskforce.platform.config.TaskforcePlatformAutoConfiguration.ErrorDomain;
import org.taskforce.platform.faults.HaltAtSeam;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.jobs.PeriodicJob;
import org.taskforce.platform.mongo.MongoProperties;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.TokenVerifier;

/**
 * Explicit wiring of notification-service: publishing, the inbox, streams, escalation and the gRPC
 * service. Webhooks are wired in {@link WebhookConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {
  private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

  /**
   * On the embedded database every start begins a new era of stream positions, so positions handed
   * out just before a crash the file store did not keep are never handed out again.
   */
  @Bean
  MongoNotificationStore notificationStore(
      MongoDatabase database, MongoProperties mongo, Clock clock) {
    return new MongoNotificationStore(database, mongo.embedded() ? clock.instant() : null);
  }

  /** Each stored notification goes to the agency's webhooks and to this replica's streams. */
  @Bean
  PublishNotifications publishNotifications(
      MongoNotificationStore store,
      WebhookFanOut fanOut,
      NotificationStreams streams,
      Clock clock) {
    return new PublishNotifications(
        store,
        clock,
        stored -> {
          fanOut.fanOut(stored);
          streams.stored(stored);
        });
  }

  @Bean
  NotificationStreams notificationStreams(
      MongoNotificationStore store,
      Clock clock,
      @Value("${taskforce.notifications.stream-poll-interval:200ms}") Duration poll,
      @Value("${taskforce.notifications.stream-gap-grace:5s}") Duration grace,
      @Value("${taskforce.notifications.max-streams-per-caller:5}") int maxPerCaller,
      ErrorDomain errorDomain) {
    return new NotificationStreams(store, clock, poll, grace, maxPerCaller, errorDomain.value());
  }

  @Bean
  NotificationGrpcService notificationGrpcService(
      PublishNotifications publishing,
      MongoNotificationStore store,
      NotificationStreams streams,
      WebhookSubscriptionRpcs webhookSubscriptionRpcs,
      WebhookDeliveryRpcs webhookDeliveryRpcs,
      TokenVerifier tokens,
      PageTokens pageTokens,
      Clock clock) {
    return new NotificationGrpcService(
        new PublishingRpcs(publishing),
        new InboxRpcs(new ListInbox(store), new NotificationReceipts(store, clock), pageTokens),
        new StreamRpcs(store, streams, token -> tokens.verify(token).getExpiresAt()),
        webhookSubscriptionRpcs,
        webhookDeliveryRpcs);
  }

  @Bean
  Escalation escalation(
      MongoNotificationStore store,
      PublishNotifications publishing,
      Clock clock,
      @Value("${taskforce.notifications.watch-agency-id:nm-ago}") String watchAgency,
      @Value("${taskforce.notifications.escalation-lead:15m}") Duration lead,
      Environment environment) {
    // The fault-test hook (refused unless explicitly enabled) may kill the process between the
    // escalation's two steps; production passes the seam.
    WriteSeams seams = HaltAtSeam.seams(environment);
    return new Escalation(store, publishing, watchAgency, lead, clock, seams);
  }

  /**
   * Escalation rounds, every {@code escalation-interval} on each replica (each is exactly-once).
   */
  @Bean
  SmartLifecycle escalationScheduler(
      Escalation escalation,
      @Value("${taskforce.notifications.escalation-interval:30s}") Duration every,
      @Value("${taskforce.notifications.escalation-enabled:true}") boolean enabled) {
    return new PeriodicJob(
        "escalation",
        enabled,
        every,
        () -> {
          int escalated = escalation.run();
          if (escalated > 0) {
            log.info("escalated {} unacknowledged notifications to the watch officers", escalated);
          }
        });
  }
}
