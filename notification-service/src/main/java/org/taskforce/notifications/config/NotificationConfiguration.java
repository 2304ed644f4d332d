package org.taskforce.notifications.config;

import com.mongodb.client.MongoDatabase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.notifications.adapter.grpc.JsonNotificationRenderer;
import org.taskforce.notifications.adapter.grpc.NotificationGrpcService;
import org.taskforce.notifications.adapter.grpc.NotificationStreams;
import org.taskforce.notifications.adapter.grpc.WebhookEndpoints;
import org.taskforce.notifications.adapter.mongo.MongoNotificationStore;
import org.taskforce.notifications.adapter.mongo.MongoWebhookStore;
import org.taskforce.notifications.adapter.mongo.SecretSealer;
import org.taskforce.notifications.adapter.webhook.ChannelSender;
import org.taskforce.notifications.adapter.webhook.HttpWebhookSender;
import org.taskforce.notifications.adapter.webhook.SmtpSender;
import org.taskforce.notifications.adapter.webhook.TargetAddresses;
import org.taskforce.notifications.application.Escalation;
import org.taskforce.notifications.application.Notifications;
import org.taskforce.notifications.application.WebhookDispatcher;
import org.taskforce.notifications.application.Webhooks;
import org.taskforce.platform.config.TaskforcePlatformAutoConfiguration.ErrorDomain;
import org.taskforce.platform.mongo.MongoProperties;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.TokenVerifier;

/** Explicit wiring of notification-service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
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

  @Bean
  MongoWebhookStore webhookStore(
      MongoDatabase database,
      MongoProperties mongo,
      @Value("${taskforce.notifications.webhooks.secret-key:}") String secretKey,
      @Value("${taskforce.notifications.webhooks.previous-secret-keys:}")
          List<String> previousKeys) {
    MongoWebhookStore store =
        new MongoWebhookStore(
            database, SecretSealer.configured(secretKey, previousKeys, mongo.embedded()));
    int resealed = store.resealSecrets();
    if (resealed > 0) {
      log.info("sealed {} webhook secrets again with the current key", resealed);
    }
    return store;
  }

  /** Name resolution for webhook hosts (the system's; tests put a table in its place). */
  @Bean
  TargetAddresses.Resolver webhookResolver() {
    return InetAddress::getAllByName;
  }

  /**
   * Webhooks reach public addresses only, and internal ones on {@code
   * taskforce.notifications.webhooks.allowed-networks} (comma-separated networks such as {@code
   * 127.0.0.0/8,::1}; empty by default).
   */
  @Bean
  TargetAddresses webhookTargets(
      TargetAddresses.Resolver webhookResolver,
      @Value("${taskforce.notifications.webhooks.allowed-networks:}") List<String> allowed) {
    return new TargetAddresses(allowed, webhookResolver);
  }

  @Bean
  Webhooks webhooks(
      MongoWebhookStore store,
      TargetAddresses targets,
      Clock clock,
      @Value("${taskforce.notifications.webhooks.allow-plain-http:false}") boolean allowPlainHttp,
      @Value("${taskforce.notifications.email.enabled:false}") boolean emailEnabled) {
    return new Webhooks(store, targets, allowPlainHttp, emailEnabled, clock);
  }

  @Bean
  Notifications notifications(
      MongoNotificationStore store, Webhooks webhooks, NotificationStreams streams, Clock clock) {
    return new Notifications(
        store,
        clock,
        stored -> {
          webhooks.fanOut(stored);
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
  WebhookDispatcher webhookDispatcher(
      MongoWebhookStore webhooks,
      MongoNotificationStore notifications,
      TargetAddresses targets,
      Clock clock,
      @Value("${taskforce.notifications.webhooks.max-attempts:10}") int maxAttempts,
      @Value("${taskforce.notifications.webhooks.initial-backoff:2s}") Duration initialBackoff,
      @Value("${taskforce.notifications.webhooks.max-backoff:10m}") Duration maxBackoff,
      @Value("${taskforce.notifications.webhooks.timeout:10s}") Duration timeout,
      @Value("${taskforce.notifications.webhooks.breaker-failure-rate:50}") float failureRate,
      @Value("${taskforce.notifications.webhooks.breaker-minimum-calls:4}") int minimumCalls,
      @Value("${taskforce.notifications.webhooks.breaker-open-for:60s}") Duration openFor,
      EmailProperties email) {
    return new WebhookDispatcher(
        webhooks,
        notifications,
        new JsonNotificationRenderer(),
        new ChannelSender(
            new HttpWebhookSender(targets),
            email.enabled()
                ? new SmtpSender(
                    new SmtpSender.Settings(
                        email.host(),
                        email.port(),
                        email.username(),
                        email.password(),
                        email.starttls(),
                        email.from()))
                : null),
        new WebhookDispatcher.Policy(
            maxAttempts,
            initialBackoff,
            maxBackoff,
            timeout,
            timeout.plusSeconds(30),
            failureRate,
            minimumCalls,
            openFor),
        clock);
  }

  @Bean
  NotificationGrpcService notificationGrpcService(
      Notifications notifications,
      MongoNotificationStore store,
      NotificationStreams streams,
      Webhooks webhooks,
      MongoWebhookStore webhookStore,
      WebhookDispatcher dispatcher,
      TokenVerifier tokens,
      PageTokens pageTokens) {
    return new NotificationGrpcService(
        notifications,
        store,
        streams,
        new WebhookEndpoints(webhooks, webhookStore, dispatcher::breaker, pageTokens),
        pageTokens,
        token -> tokens.verify(token).getExpiresAt());
  }

  @Bean
  Escalation escalation(
      MongoNotificationStore store,
      Notifications notifications,
      Clock clock,
      @Value("${taskforce.notifications.watch-agency-id:nm-ago}") String watchAgency,
      @Value("${taskforce.notifications.escalation-lead:15m}") Duration lead) {
    return new Escalation(store, notifications, watchAgency, lead, clock);
  }

  /**
   * Escalation rounds, every {@code escalation-interval} on each replica (each is exactly-once).
   */
  @Bean
  SmartLifecycle escalationScheduler(
      Escalation escalation,
      @Value("${taskforce.notifications.escalation-interval:30s}") Duration every,
      @Value("${taskforce.notifications.escalation-enabled:true}") boolean enabled) {
    return every(
        "escalation",
        every,
        enabled,
        () -> {
          int n = escalation.run();
          if (n > 0) {
            log.info("escalated {} unacknowledged notifications to the watch officers", n);
          }
        });
  }

  /** Webhook delivery rounds; replicas share the work through leases on deliveries. */
  @Bean
  SmartLifecycle webhookDispatcherScheduler(
      WebhookDispatcher dispatcher,
      @Value("${taskforce.notifications.webhooks.poll-interval:500ms}") Duration every,
      @Value("${taskforce.notifications.webhooks.enabled:true}") boolean enabled) {
    return every(
        "webhooks",
        every,
        enabled,
        () -> {
          while (dispatcher.dispatchOnce() > 0) {
            // keep going while there is work
          }
        });
  }

  /** A background job on a thread of its own, every {@code interval}; a failed round is logged. */
  private static SmartLifecycle every(
      String name, Duration interval, boolean enabled, Runnable job) {
    return new SmartLifecycle() {
      private ScheduledExecutorService scheduler;

      @Override
      public void start() {
        if (!enabled) {
          return;
        }
        scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                job.run();
              } catch (RuntimeException e) {
                log.warn("{} round failed; next in {}", name, interval, e);
              }
            },
            interval.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
      }

      @Override
      public void stop() {
        if (scheduler != null) {
          scheduler.shutdownNow();
          scheduler = null;
        }
      }

      @Override
      public boolean isRunning() {
        return scheduler != null;
      }
    };
  }
}
