package org.taskforce.cases.reporting.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.mongo.ParkedIntents;

/**
 * A case the tallies cannot count (written by something else, without its creation time) used to
 * stop every batch it was in, so the cases behind it were never counted: now the others are counted
 * at once, and it is parked after {@link ParkedIntents#MAX_TRIES} attempts — its pending mark
 * cleared, listed, and counted once replayed after the fix.
 */
class CaseTalliesParkingTest {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate DAY = LocalDate.of(2025, 3, 1);

  EmbeddedMongo server;
  MongoClient client;
  MongoDatabase database;
  CaseTallies tallies;

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("tallies_parking_test");
    tallies = new CaseTallies(database, ZONE);
    tallies.create(database);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static Document pendingCase(String id, Date created) {
    return new Document("_id", id)
        .append("version", 1L)
        .append("createdAt", created)
        .append("type", "SEX_TRAFFICKING")
        .append("leadAgencyId", "apd")
        .append("leadAgencyType", "LOCAL")
        .append("activeAgencies", List.of("apd"))
        .append("tallyPending", true);
  }

  @Test
  void aCaseThatCannotBeCounted_doesNotHoldBackTheOthers_andIsParkedAfterItsTries() {
    var raw = database.getCollection("cases");
    Date created = Date.from(DAY.atTime(10, 0).atZone(ZONE).toInstant());
    raw.insertOne(pendingCase("bad", null)); // first in line
    raw.insertOne(pendingCase("c1", created));
    raw.insertOne(pendingCase("c2", created));

    tallies.applyPending(); // on main: the first case threw, and nothing behind it was counted
    assertThat(raw.find(Filters.eq("tallyPending", true)).into(new java.util.ArrayList<>()))
        .extracting(d -> d.getString("_id"))
        .containsExactly("bad"); // the others are counted
    // while it is still being retried, a report gives no number without it
    assertThatThrownBy(() -> tallies.read(DAY, DAY))
        .isInstanceOf(TaskforceException.class)
        .extracting(x -> ((TaskforceException) x).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);

    for (int i = 2; i < ParkedIntents.MAX_TRIES; i++) {
      tallies.applyPending();
    }
    assertThat(raw.find(Filters.eq("tallyPending", true)).first()).isNull();
    assertThat(tallies.read(DAY, DAY).openedIn()).containsEntry("*", 2L);
    ParkedIntents parked = new ParkedIntents(database);
    assertThat(parked.list())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.getString("_id")).isEqualTo("cases|bad");
          assertThat(p.getString("flag")).isEqualTo("tallyPending");
        });

    raw.updateOne(Filters.eq("_id", "bad"), Updates.set("createdAt", created));
    assertThat(parked.replay("cases|bad")).isTrue();
    tallies.applyPending();
    assertThat(tallies.read(DAY, DAY).openedIn()).containsEntry("*", 3L);
    assertThat(parked.list()).isEmpty();
  }
}
