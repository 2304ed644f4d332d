package org.taskforce.deconfliction.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.reporting.adapter.mongo.ReportCountings;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.mongo.ParkedIntents;
import org.taskforce.platform.mongo.RecordTallies;

/** An operation deleted while it is changed is no longer counted for the report. */
class MongoEventStoreTalliesTest {
  private static final Instant CREATED = Instant.parse("2026-08-03T15:00:00Z");
  private EmbeddedMongo server;
  private MongoClient client;
  private MongoDatabase db;
  private MongoEventStore store;
  private RecordTallies tallies;

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    db = client.getDatabase("event_tallies_test");
    store = new MongoEventStore(db);
    tallies =
        new RecordTallies(
            db,
            ReportCountings.all(ZoneOffset.UTC),
            ReportCountings.schema(ZoneOffset.UTC),
            Clock.systemUTC(),
            1_000,
            new ParkedIntents(db));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static EventRegistration event(long version, int startHours) {
    Stamp stamp = new Stamp("u", "x", "apd", CREATED);
    Instant start = CREATED.plus(Duration.ofHours(startHours));
    return new EventRegistration(
        "E1",
        new Agency("apd", "apd", "LOCAL"),
        EventType.ARREST,
        new EventPlan(35.08, -106.65, 200, start, start.plus(Duration.ofHours(2))),
        null,
        Contact.NONE,
        List.of(),
        "case",
        Disclosure.OPEN,
        RegistrationStatus.ACTIVE,
        stamp,
        stamp,
        version,
        "");
  }

  private Map<String, Long> counted() {
    Map<String, Long> out = new HashMap<>();
    tallies.read(
        "events",
        () ->
            tallies.forEachSlot(
                "report.events",
                null,
                null,
                (day, counts) -> counts.forEach((k, n) -> out.merge(k, n, Long::sum))));
    out.values().removeIf(n -> n == 0);
    return out;
  }

  @Test
  void anOperationChangedTwiceWhileItIsDeleted_isNoLongerCounted() {
    store.insert(event(1, 30));
    assertThat(counted()).containsEntry("*|type|ARREST", 1L);
    store.beforeDelete =
        () -> {
          store.beforeDelete = () -> {};
          // two changes land (and are counted) between the delete's read and its delete
          assertThat(store.replace(event(2, 40), 1)).isTrue();
          assertThat(store.replace(event(3, 50), 2)).isTrue();
          counted();
        };

    store.delete("E1");

    assertThat(store.find("E1")).isEmpty();
    assertThat(counted()).isEmpty();
  }
}
