package org.taskforce.deconfliction.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.application.ConflictStore;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.mongo.EmbeddedMongo;

/** The conflict store's list selects by readers, pages by keyset, and backfills old documents. */
class MongoConflictStoreTest {
  private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");
  private EmbeddedMongo server;
  private MongoClient client;
  private MongoDatabase db;
  private MongoConflictStore store;

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    db = client.getDatabase("conflicts_test");
    store = new MongoConflictStore(db, DisclosurePolicy.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static Conflict conflict(String id, Instant at, Disclosure a, Disclosure b) {
    return new Conflict(
        id,
        Conflict.Kind.TARGET,
        Tier.MATCH,
        1.0,
        List.of("same phone"),
        Conflict.Status.NEW,
        List.of(
            new Conflict.Side(new Agency("apd", "APD", "LOCAL"), "t-a" + id, Contact.NONE, a, null),
            new Conflict.Side(
                new Agency("hsi", "HSI", "FEDERAL"), "t-h" + id, Contact.NONE, b, null)),
        at,
        null,
        "",
        null,
        at,
        false,
        1);
  }

  @Test
  void aReaderListsOnlyWhatItMayRead_pageByPage_inOrder() {
    store.insertIfAbsent(conflict("c-1", T, Disclosure.OPEN, Disclosure.OPEN));
    store.insertIfAbsent(conflict("c-2", T.plusSeconds(1), Disclosure.RESTRICTED, Disclosure.OPEN));
    store.insertIfAbsent(conflict("c-3", T.plusSeconds(2), Disclosure.OPEN, Disclosure.OPEN));
    store.insertIfAbsent(conflict("c-4", T.plusSeconds(2), Disclosure.OPEN, Disclosure.OPEN));

    List<String> hsi = new ArrayList<>();
    List<String> after = List.of();
    while (true) {
      List<Conflict> page = store.list("hsi", java.util.Set.of(), java.util.Set.of(), after, 1);
      if (page.isEmpty()) {
        break;
      }
      hsi.add(page.get(0).id());
      after = ConflictStore.position(page.get(0));
    }
    assertThat(hsi).containsExactly("c-3", "c-4", "c-1");
    assertThat(store.list("apd", java.util.Set.of(), java.util.Set.of(), List.of(), 10))
        .extracting(Conflict::id)
        .containsExactly("c-3", "c-4", "c-2", "c-1");
  }

  @Test
  void conflictsStoredBeforeReadersWereRecorded_getThemAtStart() {
    store.insertIfAbsent(conflict("c-1", T, Disclosure.RESTRICTED, Disclosure.OPEN));
    db.getCollection(MongoConflictStore.COLLECTION)
        .updateOne(new Document("_id", "c-1"), new Document("$unset", new Document("readers", "")));
    assertThat(store.list("apd", java.util.Set.of(), java.util.Set.of(), List.of(), 10)).isEmpty();

    store.create(db);

    assertThat(store.list("apd", java.util.Set.of(), java.util.Set.of(), List.of(), 10))
        .extracting(Conflict::id)
        .containsExactly("c-1");
    assertThat(store.list("hsi", java.util.Set.of(), java.util.Set.of(), List.of(), 10)).isEmpty();
  }

  @Test
  void conflictsEveryoneAcknowledged_doNotHoldBackTheOnesStillWaitingToEscalate() {
    org.taskforce.deconfliction.domain.Stamp ack =
        new org.taskforce.deconfliction.domain.Stamp("u", "U", "apd", T);
    for (int i = 0; i < 5; i++) {
      Conflict c = conflict("c-acked-" + i, T, Disclosure.OPEN, Disclosure.OPEN);
      List<Conflict.Side> acked =
          c.sides().stream()
              .map(s ->
                  new Conflict.Side(
                      s.agency(), s.registrationId(), s.contact(), s.disclosure(), ack, ""))
              .toList();
      store.insertIfAbsent(
          new Conflict(
              c.id(),
              c.kind(),
              c.tier(),
              c.score(),
              c.reasons(),
              Conflict.Status.ACKNOWLEDGED,
              acked,
              T,
              null,
              "",
              null,
              T,
              false,
              1));
    }
    store.insertIfAbsent(
        conflict("c-waiting", T.plusSeconds(60), Disclosure.OPEN, Disclosure.OPEN));

    // Only three at a time: the five everyone acknowledged (earlier deadlines) must not fill it.
    assertThat(store.dueForEscalation(T.plusSeconds(3_600), 3))
        .extracting(Conflict::id)
        .containsExactly("c-waiting");
  }
}
