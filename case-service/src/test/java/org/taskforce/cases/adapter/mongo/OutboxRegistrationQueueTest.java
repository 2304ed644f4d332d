package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taskforce.cases.application.RegistrationChange;
import org.taskforce.cases.application.SubjectRegistrations;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;

/**
 * Issue 20 item 15 (in Surefire: Failsafe, for *IT, is not in this machine's Maven repository): the
 * registration changes SubjectRegistrations queues are records behind a port, stored in the outbox
 * of the embedded MongoDB-wire server; their stored form stays what it was, so entries queued
 * before the change are still delivered.
 */
class OutboxRegistrationQueueTest {
  private static EmbeddedMongo mongo;
  private static MongoClient client;
  private static MongoDatabase database;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.startInMemory();
    client = MongoClients.create(mongo.connectionString());
    database = client.getDatabase("cases-it");
  }

  @AfterAll
  static void stop() {
    client.close();
    mongo.close();
  }

  private final OutboxRegistrationQueue queue =
      new OutboxRegistrationQueue(new Outbox(database, Clock.systemUTC()));

  private static Document entry(String id) {
    return database.getCollection(Outbox.COLLECTION).find(eq("_id", id)).first();
  }

  @Test
  void aPreparedChange_waits_thenIsReleased_orDropped_andReadsBackAsItWasQueued() {
    RegistrationChange register =
        new RegistrationChange(RegistrationChange.Op.REGISTER, "s-10", "NM-2026-9", "", ACTOR);

    queue.prepare("register:s-10", register);
    assertThat(entry("register:s-10").getString("state")).isEqualTo("PREPARED");
    assertThat(entry("register:s-10").getString("topic")).isEqualTo(SubjectRegistrations.TOPIC);
    assertThat(
            OutboxRegistrationQueue.fromDocument(
                entry("register:s-10").get("payload", Document.class)))
        .isEqualTo(register);

    queue.commit("register:s-10");
    assertThat(entry("register:s-10").getString("state")).isEqualTo("READY");
    queue.abandon("register:s-10");
    assertThat(entry("register:s-10")).as("a released entry is the relay's now").isNotNull();

    queue.prepare("withdraw:s-10", register);
    queue.abandon("withdraw:s-10");
    assertThat(entry("withdraw:s-10")).isNull();
  }

  @Test
  void recordingTheSameEntryTwice_queuesItOnce() {
    RegistrationChange renew =
        new RegistrationChange(RegistrationChange.Op.RENEW, "s-11", "", "", ACTOR);

    assertThat(queue.record("renew:s-11:1", renew)).isTrue();
    assertThat(queue.record("renew:s-11:1", renew)).isFalse();
    assertThat(database.getCollection(Outbox.COLLECTION).countDocuments(eq("_id", "renew:s-11:1")))
        .isEqualTo(1);
  }

  private static final AgencyPrincipal ACTOR =
      new AgencyPrincipal(
          "u-1",
          "Det. Rivera",
          "taskforce-web",
          AgencyPrincipal.Kind.USER,
          "apd",
          AgencyType.LOCAL,
          Set.of("investigator"));

  @Test
  void aChange_survivesTheRoundTripThroughItsStoredForm() {
    for (RegistrationChange c :
        List.of(
            new RegistrationChange(RegistrationChange.Op.REGISTER, "s-1", "NM-2026-7", "", ACTOR),
            new RegistrationChange(RegistrationChange.Op.WITHDRAW, "s-2", "", "r-9", ACTOR),
            new RegistrationChange(RegistrationChange.Op.RENEW, "s-3", "", "", ACTOR))) {
      assertThat(OutboxRegistrationQueue.fromDocument(OutboxRegistrationQueue.toDocument(c)))
          .isEqualTo(c);
    }
  }

  @Test
  void entriesStoredBeforeThePort_withTheActorAtTheTop_areStillRead() {
    Document old =
        new Document("op", "WITHDRAW")
            .append("subjectId", "s-7")
            .append("caseNumber", "")
            .append("registrationId", "r-7")
            .append("subject", "u-1")
            .append("name", "Det. Rivera")
            .append("clientId", "taskforce-web")
            .append("kind", "USER")
            .append("agencyId", "apd")
            .append("agencyType", "LOCAL")
            .append("roles", List.of("investigator"));

    assertThat(OutboxRegistrationQueue.fromDocument(old))
        .isEqualTo(new RegistrationChange(RegistrationChange.Op.WITHDRAW, "s-7", "", "r-7", ACTOR));
  }

  @Test
  void theStoredForm_isTheOneTheRelayAlwaysRead() {
    Document d =
        OutboxRegistrationQueue.toDocument(
            new RegistrationChange(RegistrationChange.Op.REGISTER, "s-1", "NM-2026-7", "", ACTOR));
    assertThat(d.getString("op")).isEqualTo("REGISTER");
    assertThat(d.getString("subjectId")).isEqualTo("s-1");
    assertThat(d.getString("caseNumber")).isEqualTo("NM-2026-7");
    assertThat(d.get("actor", Document.class).getString("agencyId")).isEqualTo("apd");
  }
}
