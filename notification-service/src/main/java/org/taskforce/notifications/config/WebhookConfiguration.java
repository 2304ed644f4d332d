package org.taskforce.notifications.config;

import com.mongodb.client.MongoDatabase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.notifications.adapter.grpc.JsonNotificationRenderer;
import org.taskforce.notifications.adapter.grpc.WebhookDeliveryRpcs;
import org.taskforce.notifications.adapter.grpc.WebhookMapping;
import org.taskforce.notifications.adapter.grpc.WebhookSubscriptionRpcs;
import org.taskforce.notifications.adapter.mongo.MongoNotificationStore;
import org.taskforce.notifications.adapter.mongo.MongoWebhookStore;
import org.taskforce.notifications.adapter.mongo.SecretSealer;
import org.taskforce.notifications.adapter.webhook.ChannelSender;
import org.taskforce.notifications.adapter.webhook.CircuitBreakerGuard;
import org.taskforce.notifications.adapter.webhook.HttpWebhookSender;
import org.taskforce.notifications.adapter.webhook.SmtpSender;
import org.taskforce.notifications.adapter.webhook.TargetAddresses;
import org.taskforce.notifications.application.CreateWebhookSubscription;
import org.taskforce.notifications.application.DeliveryPolicy;
import org.taskforce.notifications.application.UpdateWebhookSubscription;
import org.taskforce.notifications.application.WebhookDeliveries;
import org.taskforce.notifications.application.WebhookDispatcher;
import org.taskforce.notifications.application.WebhookFanOut;
import org.taskforce.notifications.application.WebhookSubscriptions;
import org.taskforce.notifications.application.WebhookUrlRules;
import org.taskforce.platform.jobs.PeriodicJob;
import org.taskforce.platform.mongo.MongoProperties;
import org.taskforce.platform.paging.PageTokens;

/**
 * Wiring of webhooks and e-mail: the subscriptions' store, who may be reached, the subscription and
 * delivery use cases with their gRPC adapters, and the dispatcher with its breaker per endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
public class WebhookConfiguration {
  private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

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
  WebhookFanOut webhookFanOut(MongoWebhookStore store, Clock clock) {
    return new WebhookFanOut(store, clock);
  }

  /** One breaker per endpoint: open at {@code failure-rate} % of at least {@code minimum-calls}. */
  @Bean
  CircuitBreakerGuard endpointGuard(
      @Value("${taskforce.notifications.webhooks.breaker-failure-rate:50}") float failureRate,
      @Value("${taskforce.notifications.webhooks.breaker-minimum-calls:4}") int minimumCalls,
      @Value("${taskforce.notifications.webhooks.breaker-open-for:60s}") Duration openFor) {
    return new CircuitBreakerGuard(
        new CircuitBreakerGuard.Settings(failureRate, minimumCalls, openFor));
  }

  @Bean
  WebhookSubscriptionRpcs webhookSubscriptionRpcs(
      MongoWebhookStore store,
      TargetAddresses targets,
      CircuitBreakerGuard guard,
      PageTokens pageTokens,
      Clock clock,
      @Value("${taskforce.notifications.webhooks.allow-plain-http:false}") boolean allowPlainHttp,
      EmailProperties email) {
    WebhookSubscriptions subscriptions = new WebhookSubscriptions(store);
    WebhookUrlRules urls = new WebhookUrlRules(targets, allowPlainHttp, email.enabled());
    return new WebhookSubscriptionRpcs(
        subscriptions,
        new CreateWebhookSubscription(store, subscriptions, urls, clock),
        new UpdateWebhookSubscription(store, subscriptions, urls),
        new WebhookMapping(store, guard),
        pageTokens);
  }

  @Bean
  WebhookDeliveryRpcs webhookDeliveryRpcs(
      MongoWebhookStore store, PageTokens pageTokens, Clock clock) {
    return new WebhookDeliveryRpcs(
        new WebhookDeliveries(store, new WebhookSubscriptions(store), clock), pageTokens);
  }

  @Bean
  WebhookDispatcher webhookDispatcher(
      MongoWebhookStore webhooks,
      MongoNotificationStore notifications,
      TargetAddresses targets,
      CircuitBreakerGuard guard,
      Clock clock,
      @Value("${taskforce.notifications.webhooks.max-attempts:10}") int maxAttempts,
      @Value("${taskforce.notifications.webhooks.initial-backoff:2s}") Duration initialBackoff,
      @Value("${taskforce.notifications.webhooks.max-backoff:10m}") Duration maxBackoff,
      @Value("${taskforce.notifications.webhooks.timeout:10s}") Duration timeout,
      EmailProperties email) {
    return new WebhookDispatcher(
        webhooks,
        notifications,
        new JsonNotificationRenderer(),
        new ChannelSender(new HttpWebhookSender(targets), smtp(email)),
        guard,
        new DeliveryPolicy(
            maxAttempts, initialBackoff, maxBackoff, timeout, timeout.plusSeconds(30)),
        clock);
  }

  /** The e-mail channel where an SMTP server is configured; null where not. */
  private static SmtpSender smtp(EmailProperties email) {
    if (!email.enabled()) {
      return null;
    }
    return new SmtpSender(
        new SmtpSender.Settings(
            email.host(),
            email.port(),
            email.username(),
            email.password(),
            email.starttls(),
            email.from()));
  }

  /** Webhook delivery rounds; replicas share the work through leases on deliveries. */
  @Bean
  SmartLifecycle webhookDispatcherScheduler(
      WebhookDispatcher dispatcher,
      @Value("${taskforce.notifications.webhooks.poll-interval:500ms}") Duration every,
      @Value("${taskforce.notifications.webhooks.enabled:true}") boolean enabled) {
    return new PeriodicJob(
        "webhooks",
        enabled,
        every,
        () -> {
          while (dispatcher.dispatchOnce() > 0) {
            // keep going while there is work
          }
        });
  }
}
