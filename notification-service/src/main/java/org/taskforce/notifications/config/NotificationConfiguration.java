package org.taskforce.notifications.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.notifications.adapter.grpc.NotificationGrpcService;
import org.taskforce.notifications.adapter.grpc.NotificationStreams;
import org.taskforce.notifications.adapter.mongo.MongoNotificationStore;
import org.taskforce.notifications.application.Escalation;
import org.taskforce.notifications.application.Notifications;

/** Explicit wiring of notification-service. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {
  private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

  @Bean
  MongoNotificationStore notificationStore(MongoDatabase database) {
    return new MongoNotificationStore(database);
  }

  @Bean
  Notifications notifications(MongoNotificationStore store, Clock clock) {
    return new Notifications(store, clock);
  }

  @Bean
  NotificationStreams notificationStreams(
      MongoNotificationStore store,
      Clock clock,
      @Value("${taskforce.notifications.stream-poll-interval:200ms}") Duration poll,
      @Value("${taskforce.notifications.stream-gap-grace:5s}") Duration grace) {
    return new NotificationStreams(store, clock, poll, grace);
  }

  @Bean
  NotificationGrpcService notificationGrpcService(
      Notifications notifications, MongoNotificationStore store, NotificationStreams streams) {
    return new NotificationGrpcService(notifications, store, streams);
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
   * Runs the escalation every {@code taskforce.notifications.escalation-interval} on each replica.
   */
  @Bean
  SmartLifecycle escalationScheduler(
      Escalation escalation,
      @Value("${taskforce.notifications.escalation-interval:30s}") Duration every,
      @Value("${taskforce.notifications.escalation-enabled:true}") boolean enabled) {
    return new SmartLifecycle() {
      private ScheduledExecutorService scheduler;

      @Override
      public void start() {
        if (!enabled) {
          return;
        }
        scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> {
              Thread t = new Thread(r, "escalation");
              t.setDaemon(true);
              return t;
            });
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                int n = escalation.run();
                if (n > 0) {
                  log.info("escalated {} unacknowledged notifications to the watch officers", n);
                }
              } catch (RuntimeException e) {
                log.warn("escalation run failed", e);
              }
            },
            every.toMillis(),
            every.toMillis(),
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
