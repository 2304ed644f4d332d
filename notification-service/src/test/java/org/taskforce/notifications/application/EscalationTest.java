package org.taskforce.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.notifications.adapter.mongo.MongoNotificationStore;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.testing.MutableClock;

/**
 * Escalation is exactly once in effect wherever a run stops: a run that dies before its escalation
 * is stored leaves the alert to the next run, and a run that dies after it leaves no second
 * escalation behind.
 */
class EscalationTest {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  EmbeddedMongo mongo;
  MongoClient client;
  MongoNotificationStore store;
  MutableClock clock = new MutableClock(NOW);

  @BeforeEach
  void start() {
    mongo = EmbeddedMongo.startInMemory();
    client = MongoClients.create(mongo.connectionString());
    store = new MongoNotificationStore(client.getDatabase("notifications"));
  }

  @AfterEach
  void stop() {
    client.close();
    mongo.close();
  }

  /** The store, with one method failing on its first {@code failures} calls (a crash there). */
  NotificationStore failing(String method, int failures) {
    AtomicInteger left = new AtomicInteger(failures);
    return (NotificationStore)
        Proxy.newProxyInstance(
            NotificationStore.class.getClassLoader(),
            new Class<?>[] {NotificationStore.class},
            (proxy, m, args) -> {
              if (m.getName().equals(method) && left.getAndDecrement() > 0) {
                throw new IllegalStateException("crash in " + method);
              }
              try {
                return m.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** An alert for BCSO due in ten minutes that nobody acknowledged. */
  void unacknowledgedAlert() {
    new PublishNotifications(store, clock, stored -> {})
        .publishAs(
            "deconfliction-service",
            new Publication(
                "c-1",
                List.of(new Notification.Recipient("bcso", "", "")),
                "TARGET_CONFLICT",
                "WARNING",
                "t".repeat(Bounds.TITLE),
                "b".repeat(Bounds.BODY),
                "conflicts/c-1",
                Map.of(),
                true,
                NOW.plus(Duration.ofMinutes(10))));
  }

  Escalation escalation(NotificationStore publishTo, NotificationStore markIn) {
    return new Escalation(
        markIn,
        new PublishNotifications(publishTo, clock, s -> {}),
        "nm-ago",
        Duration.ofMinutes(15),
        clock);
  }

  List<Notification> watchInbox() {
    return store.inbox("nm-ago", "", Set.of(), true, false, Set.of(), false, Long.MAX_VALUE, 100);
  }

  @Test
  void aRunThatDiesBeforeTheEscalationIsStored_leavesItToTheNextRun() {
    unacknowledgedAlert();
    NotificationStore crashesOnInsert = failing("insertAllIfAbsent", 1);
    assertThatThrownBy(() -> escalation(crashesOnInsert, store).run())
        .hasMessageContaining("crash");
    assertThat(watchInbox()).isEmpty();

    assertThat(escalation(store, store).run()).isEqualTo(1);
    assertThat(watchInbox()).hasSize(1);
    assertThat(watchInbox().getFirst().title())
        .startsWith("Unacknowledged: ")
        .hasSize(Bounds.TITLE);
  }

  @Test
  void aRunThatDiesAfterTheEscalationIsStored_doesNotEscalateTwice() {
    unacknowledgedAlert();
    NotificationStore crashesOnMark = failing("markEscalated", 1);
    assertThatThrownBy(() -> escalation(store, crashesOnMark).run()).hasMessageContaining("crash");
    assertThat(watchInbox()).hasSize(1);

    assertThat(escalation(store, store).run()).isEqualTo(1);
    assertThat(escalation(store, store).run()).isZero();
    assertThat(watchInbox()).hasSize(1);
    assertThat(store.dueForEscalation(NOW.plus(Duration.ofHours(1)), 10)).isEmpty();
  }
}
