package org.taskforce.notifications.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.notifications.application.Publication;
import org.taskforce.notifications.application.PublishNotifications;
import org.taskforce.notifications.application.StreamCursor;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.mongo.EmbeddedMongo;

/**
 * Stream positions are never handed out twice, even when a crash lost the newest notifications
 * together with their numbers (the embedded file store keeps its last second only once committed):
 * a restart numbers on in a new era above everything before, and a stream resuming from a lost
 * notification's cursor goes on into it.
 */
class StreamPositionsTest {
  static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

  EmbeddedMongo mongo;
  MongoClient client;
  MongoDatabase database;

  @BeforeEach
  void start() {
    mongo = EmbeddedMongo.startInMemory();
    client = MongoClients.create(mongo.connectionString());
    database = client.getDatabase("notifications");
  }

  @AfterEach
  void stop() {
    client.close();
    mongo.close();
  }

  /** Publishes to BCSO through a process started at {@code startedAt}; returns the positions. */
  List<Long> publish(MongoNotificationStore store, Instant startedAt, String... events) {
    PublishNotifications notifications =
        new PublishNotifications(store, Clock.fixed(startedAt, ZoneOffset.UTC), stored -> {});
    List<Long> positions = new ArrayList<>();
    for (String e : events) {
      String id =
          notifications
              .publishAs(
                  "deconfliction-service",
                  new Publication(
                      e,
                      List.of(new Notification.Recipient("bcso", "", "")),
                      "TARGET_CONFLICT",
                      "WARNING",
                      "conflict " + e,
                      "",
                      "",
                      Map.of(),
                      false,
                      null))
              .notificationIds()
              .getFirst();
      positions.add(store.find(id).orElseThrow().sequence());
    }
    return positions;
  }

  /** What a crash before the file store's commit does: the newest writes are gone. */
  void loseNewest(List<Long> positions, int count) {
    for (long p : positions.subList(positions.size() - count, positions.size())) {
      database.getCollection("notifications").deleteOne(Filters.eq("seq", p));
      database
          .getCollection("stream_index")
          .deleteOne(Filters.eq("_id", MongoNotificationStore.cursorKey("bcso", p)));
    }
    database.getCollection("sequences").deleteMany(new Document());
  }

  @Test
  void afterACrashLostTheNewest_aRestartNeverHandsTheirPositionsOutAgain() {
    MongoNotificationStore before = new MongoNotificationStore(database, START);
    List<Long> handedOut = publish(before, START, "e-1", "e-2", "e-3", "e-4", "e-5");
    loseNewest(handedOut, 2);

    Instant restart = START.plus(Duration.ofSeconds(10));
    MongoNotificationStore after = new MongoNotificationStore(database, restart);
    List<Long> fresh = publish(after, restart, "e-6", "e-7", "e-8");

    assertThat(fresh.getFirst()).isGreaterThan(handedOut.getLast());
    assertThat(fresh).isSorted().doesNotHaveDuplicates();

    // A client that received e-5 (lost since) resumes after its cursor and gets e-6 to e-8.
    StreamCursor cursor =
        new StreamCursor(
            Notification.sequenceOf(Notification.cursorOf(handedOut.getLast())),
            Duration.ofSeconds(5));
    List<String> resumed = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      List<Notification> found = after.after("bcso", cursor.last(), 200);
      cursor.accept(found, restart).forEach(n -> resumed.add(n.eventId()));
      long next = found.isEmpty() ? after.nextEraStart(cursor.last()) : -1;
      if (next > cursor.last()) {
        cursor.jumpTo(next);
      }
    }
    assertThat(resumed).containsExactly("e-6", "e-7", "e-8");
  }

  @Test
  void evenWhenTheClockWentBack_aRestartStartsAboveEveryEraBefore() {
    MongoNotificationStore first = new MongoNotificationStore(database, START);
    List<Long> old = publish(first, START, "e-1");
    MongoNotificationStore restarted =
        new MongoNotificationStore(database, START.minus(Duration.ofHours(1)));
    assertThat(publish(restarted, START, "e-2").getFirst()).isGreaterThan(old.getFirst());
    // Without a new era (a real MongoDB loses nothing acknowledged) numbering simply goes on.
    MongoNotificationStore replica = new MongoNotificationStore(database);
    assertThat(replica.nextEraStart(old.getFirst())).isPositive();
    assertThat(replica.nextEraStart(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
