package org.taskforce.platform.audit;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskforce.platform.testing.InMemoryMongo;
import org.taskforce.platform.testing.MutableClock;

/**
 * An audit trail counted by day in Denver, on a fresh in-memory database per test, its tallies
 * rebuilt (nothing to count yet) before each test.
 */
abstract class AuditTalliesFixture {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate DAY = LocalDate.of(2026, 8, 1);

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
  @RegisterExtension final InMemoryMongo mongo = new InMemoryMongo("audit_tally_test");
  private final Set<String> series;
  MongoDatabase db;
  AuditTrail trail;
  AuditTallies tallies;

  /** {@code series}: the actions counted. */
  AuditTalliesFixture(Set<String> series) {
    this.series = series;
  }

  @BeforeEach
  void startTrail() {
    db = mongo.db();
    trail = new AuditTrail(db, clock);
    trail.create(db);
    tallies = new AuditTallies(db, series, ZONE, clock);
    tallies.create(db);
    tallies.rebuild(); // a fresh database: nothing to count yet
    trail.tallied(tallies);
  }
}
