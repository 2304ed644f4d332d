package org.taskforce.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskforce.platform.audit.AuditEntries.success;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.mongo.ParkedIntents;

/**
 * An intent whose entry cannot be counted (written by something else, without a time) used to fail
 * its whole batch on every round, so nothing behind it was ever counted: now the rest are counted
 * at once and it is parked after {@link ParkedIntents#MAX_TRIES} rounds, visible and replayable.
 */
class AuditTalliesParkingTest extends AuditTalliesFixture {
  AuditTalliesParkingTest() {
    super(Set.of("check.before-acting"));
  }

  private AuditEntry check(String id, Instant t) {
    return success(id, t, "apd", "check.before-acting", "checks/" + id, "test", "");
  }

  @Test
  void anEntryThatCannotBeCounted_doesNotHoldBackTheBatch_andIsParkedAfterItsTries() {
    // an entry with no time, and its intent: the count cannot place it on a day
    db.getCollection(AuditTrail.COLLECTION)
        .insertOne(
            new Document("_id", "bad")
                .append("action", "check.before-acting")
                .append("agencyId", "apd")
                .append("resource", "checks/bad"));
    db.getCollection("audit_tally_intents")
        .insertOne(new Document("_id", "bad").append("at", Date.from(clock.instant())));
    Instant t = DAY.atStartOfDay(ZONE).toInstant().plusSeconds(9 * 3600);
    trail.append(check("good-1", t));
    trail.append(check("good-2", t));

    tallies.upkeep(); // on main: the batch failed here, and on every later round
    assertThat(db.getCollection("audit_tally_intents").find().into(new java.util.ArrayList<>()))
        .extracting(d -> d.getString("_id"))
        .containsExactly("bad"); // the others are counted
    // while it is still being retried, a report gives no number without it
    assertThatThrownBy(() -> tallies.count("check.before-acting", DAY, DAY, null))
        .isInstanceOf(TaskforceException.class)
        .extracting(x -> ((TaskforceException) x).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);

    for (int i = 2; i < ParkedIntents.MAX_TRIES; i++) {
      tallies.upkeep();
    }
    assertThat(db.getCollection("audit_tally_intents").countDocuments()).isZero();
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(2);
    ParkedIntents parked = new ParkedIntents(db);
    assertThat(parked.list())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.getString("_id")).isEqualTo("audit_tally_intents|bad");
          assertThat(p.getString("error")).contains("NullPointerException");
        });

    // the operator fixes the entry and replays the intent: it is counted once
    db.getCollection(AuditTrail.COLLECTION)
        .updateOne(
            new Document("_id", "bad"), new Document("$set", new Document("time", Date.from(t))));
    assertThat(parked.replay("audit_tally_intents|bad")).isTrue();
    tallies.upkeep();
    assertThat(tallies.count("check.before-acting", DAY, DAY, null)).isEqualTo(3);
    assertThat(parked.list()).isEmpty();
  }
}
