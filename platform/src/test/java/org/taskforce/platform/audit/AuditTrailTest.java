package org.taskforce.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;
import org.taskforce.platform.testing.InMemoryMongo;
import org.taskforce.platform.testing.MutableClock;

class AuditTrailTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
  private final AgencyPrincipal investigator =
      new AgencyPrincipal(
          "u-1",
          "Maria Lopez",
          "taskforce-web",
          AgencyPrincipal.Kind.USER,
          "hsi-abq",
          AgencyType.FEDERAL,
          Set.of("investigator"));
  @RegisterExtension final InMemoryMongo mongo = new InMemoryMongo("audit_test");
  private AuditTrail trail;

  @BeforeEach
  void start() {
    MongoDatabase db = mongo.db();
    trail = new AuditTrail(db, clock);
    trail.create(db);
  }

  @Test
  void recordsWhoWhatWhenPurposeAndRequestId_andListsNewestFirst() throws Exception {
    CallerContext.as(investigator, "token", "req-7")
        .call(() ->
            trail.record(
                investigator,
                "CHECK_BEFORE_ACTING",
                "checks/k-1",
                Outcome.SUCCESS,
                "arrest warrant 2026-0193",
                Map.of("hits", "2")));
    clock.advance(Duration.ofMinutes(1));
    trail.record(investigator, "GET_CASE", "checks/k-1", Outcome.DENIED, "", Map.of());
    trail.record(investigator, "GET_CASE", "cases/other", Outcome.SUCCESS, "", Map.of());

    var entries = trail.forResource("checks/k-1", null, 10);

    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly("GET_CASE", "CHECK_BEFORE_ACTING");
    AuditEntry check = entries.get(1);
    assertThat(check.actorSubject()).isEqualTo("u-1");
    assertThat(check.actorName()).isEqualTo("Maria Lopez");
    assertThat(check.agencyId()).isEqualTo("hsi-abq");
    assertThat(check.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(check.purpose()).isEqualTo("arrest warrant 2026-0193");
    assertThat(check.requestId()).isEqualTo("req-7");
    assertThat(check.time()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
    assertThat(check.details()).containsEntry("hits", "2");
    assertThat(entries.get(0).outcome()).isEqualTo(Outcome.DENIED);
  }

  @Test
  void listsByAgencyAndPagesByTime() {
    for (int i = 0; i < 5; i++) {
      trail.record(investigator, "A" + i, "cases/c", Outcome.SUCCESS, "", Map.of());
      clock.advance(Duration.ofSeconds(1));
    }
    var firstPage = trail.forAgency("hsi-abq", null, 2);
    var secondPage = trail.forAgency("hsi-abq", firstPage.get(1).time(), 2);

    assertThat(firstPage).extracting(AuditEntry::action).containsExactly("A4", "A3");
    assertThat(secondPage).extracting(AuditEntry::action).containsExactly("A2", "A1");
    assertThat(trail.forAgency("apd", null, 10)).isEmpty();
  }
}
