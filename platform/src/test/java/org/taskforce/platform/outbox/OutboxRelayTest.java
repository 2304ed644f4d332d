package org.taskforce.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskforce.platform.testing.InMemoryMongo;
import org.taskforce.platform.testing.MutableClock;

class OutboxRelayTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
  private final OutboxProperties properties =
      new OutboxProperties(
          true,
          Duration.ofMillis(100),
          100,
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(1));
  @RegisterExtension final InMemoryMongo mongo = new InMemoryMongo("outbox_test");
  private MongoDatabase db;
  private Outbox outbox;

  /** A receiver that fails a given number of times first, and counts deliveries per id. */
  private static final class Receiver implements OutboxHandler {
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft;
    final ConcurrentHashMap<String, Boolean> applied = new ConcurrentHashMap<>();

    Receiver(int failFirst) {
      this.failuresLeft = new AtomicInteger(failFirst);
    }

    @Override
    public String topic() {
      return "notifications";
    }

    @Override
    public void deliver(OutboxMessage message) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("notification-service unavailable");
      }
      delivered.add(message.id());
    }

    @Override
    public boolean applied(OutboxMessage message) {
      return applied.getOrDefault(message.id(), false);
    }
  }

  @BeforeEach
  void start() {
    db = mongo.db();
    outbox = new Outbox(db, clock);
    outbox.create(db);
  }

  private OutboxRelay relay(Receiver receiver) {
    return new OutboxRelay(db, List.of(receiver), properties, clock);
  }

  @Test
  void recordedMessages_areDeliveredOnceInCreationOrder_thenRemoved() {
    outbox.record("conflict-created:c-1", "notifications", new Document("conflict", "c-1"));
    clock.advance(Duration.ofMillis(1));
    outbox.record("conflict-created:c-2", "notifications", new Document("conflict", "c-2"));
    Receiver receiver = new Receiver(0);
    OutboxRelay relay = relay(receiver);

    assertThat(relay.relayOnce()).isEqualTo(2);
    assertThat(relay.relayOnce()).isZero();

    assertThat(receiver.delivered).containsExactly("conflict-created:c-1", "conflict-created:c-2");
    assertThat(outbox.pending()).isZero();
  }

  @Test
  void recordingTheSameIdTwice_keepsOneMessage() {
    assertThat(outbox.record("e-1", "notifications", new Document())).isTrue();
    assertThat(outbox.record("e-1", "notifications", new Document("other", true))).isFalse();
    assertThat(outbox.pending()).isEqualTo(1);
  }

  @Test
  void recordingManyAtOnce_keepsMessagesRecordedBefore_andDeliversEachOnce() {
    outbox.record("searched:2", "notifications", new Document("first", true));
    Map<String, Document> batch = new LinkedHashMap<>();
    for (int i = 1; i <= 3; i++) {
      batch.put("searched:" + i, new Document("n", i));
    }

    assertThat(outbox.recordAll("notifications", batch)).containsExactly("searched:2");
    assertThat(outbox.recordAll("notifications", batch))
        .containsExactlyInAnyOrder("searched:1", "searched:2", "searched:3");
    assertThat(outbox.pending()).isEqualTo(3);
    Document kept =
        db.getCollection(Outbox.COLLECTION).find(new Document("_id", "searched:2")).first();
    assertThat(kept.get("payload", Document.class)).isEqualTo(new Document("first", true));

    Receiver receiver = new Receiver(0);
    assertThat(relay(receiver).relayOnce()).isEqualTo(3);
    assertThat(receiver.delivered)
        .containsExactlyInAnyOrder("searched:1", "searched:2", "searched:3");
  }

  @Test
  void failedDelivery_isRetriedAfterBackoff_untilTheReceiverIsBack() {
    outbox.record("e-1", "notifications", new Document());
    Receiver receiver = new Receiver(3);
    OutboxRelay relay = relay(receiver);

    for (int round = 0; round < 3; round++) {
      assertThat(relay.relayOnce()).isZero();
      assertThat(relay.relayOnce()).as("not due again before the backoff").isZero();
      clock.advance(Duration.ofMinutes(5));
    }
    assertThat(relay.relayOnce()).isEqualTo(1);
    assertThat(receiver.delivered).containsExactly("e-1");
    assertThat(outbox.pending()).isZero();
  }

  @Test
  void failingMessage_doesNotHoldUpOthers() {
    outbox.record("poison", "unknown-topic", new Document());
    outbox.record("fine", "notifications", new Document());
    Receiver receiver = new Receiver(0);

    relay(receiver).relayOnce();

    assertThat(receiver.delivered).containsExactly("fine");
    assertThat(outbox.pending()).isEqualTo(1);
  }

  /** Takes two at a time; refuses any batch or message named "poison". */
  private static final class BatchReceiver implements OutboxHandler {
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final List<String> singles = new CopyOnWriteArrayList<>();

    @Override
    public String topic() {
      return "notifications";
    }

    @Override
    public int maxBatch() {
      return 2;
    }

    @Override
    public void deliverAll(List<OutboxMessage> messages) {
      List<String> ids = messages.stream().map(OutboxMessage::id).toList();
      if (ids.contains("poison")) {
        throw new IllegalStateException("refused");
      }
      batches.add(ids);
    }

    @Override
    public void deliver(OutboxMessage message) {
      if (message.id().equals("poison")) {
        throw new IllegalStateException("refused");
      }
      singles.add(message.id());
    }
  }

  @Test
  void aHandlerTakingBatches_getsThemInCreationOrder_andAFailedBatchIsTriedOneByOne() {
    for (String id : List.of("m1", "m2", "m3", "poison", "m5")) {
      outbox.record(id, "notifications", new Document());
      clock.advance(Duration.ofMillis(1));
    }
    BatchReceiver receiver = new BatchReceiver();

    int delivered = new OutboxRelay(db, List.of(receiver), properties, clock).relayOnce();

    assertThat(delivered).isEqualTo(4);
    assertThat(receiver.batches).containsExactly(List.of("m1", "m2"));
    assertThat(receiver.singles).as("the failed batch, one by one").containsExactly("m3", "m5");
    assertThat(outbox.pending()).as("only the refused one waits").isEqualTo(1);
  }

  @Test
  void backoff_growsExponentiallyWithJitter_andIsCapped() {
    OutboxRelay relay = relay(new Receiver(0));
    for (int i = 0; i < 50; i++) {
      assertThat(relay.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
      assertThat(relay.backoff(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
      assertThat(relay.backoff(40))
          .isBetween(Duration.ofMinutes(2).plusSeconds(30), Duration.ofMinutes(5));
    }
  }

  @Test
  void twoReplicas_deliverEachMessageOnce() throws Exception {
    for (int i = 0; i < 200; i++) {
      outbox.record("e-" + i, "notifications", new Document("i", i));
    }
    Receiver receiver = new Receiver(0);
    OutboxRelay a = relay(receiver);
    OutboxRelay b = relay(receiver);

    Thread ta =
        new Thread(() -> {
          while (a.relayOnce() > 0) {}
        });
    Thread tb =
        new Thread(() -> {
          while (b.relayOnce() > 0) {}
        });
    ta.start();
    tb.start();
    ta.join();
    tb.join();
    while (a.relayOnce() > 0) {}

    assertThat(receiver.delivered).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void committedPreparedMessage_isDelivered_uncommittedOneWaits() {
    outbox.prepare("committed", "notifications", new Document());
    outbox.prepare("in-flight", "notifications", new Document());
    outbox.commit("committed");
    Receiver receiver = new Receiver(0);

    relay(receiver).relayOnce();

    assertThat(receiver.delivered).containsExactly("committed");
    assertThat(outbox.pending()).isEqualTo(1);
  }

  @Test
  void stalePreparedMessage_isDeliveredIfItsChangeHappened_elseDropped() {
    outbox.prepare("change-applied", "notifications", new Document());
    outbox.prepare("change-lost", "notifications", new Document());
    Receiver receiver = new Receiver(0);
    receiver.applied.put("change-applied", true);
    OutboxRelay relay = relay(receiver);

    relay.relayOnce();
    assertThat(receiver.delivered).as("still within the prepared timeout").isEmpty();

    clock.advance(Duration.ofMinutes(2));
    relay.relayOnce();

    assertThat(receiver.delivered).containsExactly("change-applied");
    assertThat(outbox.pending()).isZero();
  }

  @Test
  void abandonedPreparedMessage_isNeverDelivered() {
    outbox.prepare("e-1", "notifications", new Document());
    outbox.abandon("e-1");
    Receiver receiver = new Receiver(0);
    clock.advance(Duration.ofMinutes(2));

    relay(receiver).relayOnce();

    assertThat(receiver.delivered).isEmpty();
    assertThat(outbox.pending()).isZero();
  }
}
