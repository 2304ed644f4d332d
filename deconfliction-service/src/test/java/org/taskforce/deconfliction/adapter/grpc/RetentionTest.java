package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.deconfliction.application.Retention;

class RetentionTest extends ClockedTestBase {

  @Test
  void expiredRegistrations_stopMatching_andArePurgedAfterTheReviewPeriod_audited() {
    String id =
        register(at(APD, "LOCAL"), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0300"))
            .getRegistration()
            .getRegistrationId();
    var ask =
        CheckBeforeActingRequest.newBuilder()
            .addSelectors(phone("505-555-0300"))
            .setPurpose("t")
            .build();
    assertThat(as(at(HSI, "FEDERAL")).checkBeforeActing(ask).getHitsList()).hasSize(1);

    CLOCK.advance(Duration.ofDays(181));
    // Expired: no longer matches, even before the retention job has run.
    assertThat(as(at(HSI, "FEDERAL")).checkBeforeActing(ask).getHitsList()).isEmpty();

    assertThat(retention.run().expired()).isEqualTo(1);
    assertThat(
            database
                .getCollection("targets")
                .find(new Document("_id", id))
                .first()
                .getString("status"))
        .isEqualTo("EXPIRED");
    assertThat(retention.run().purgedTargets()).isZero();

    CLOCK.advance(Duration.ofDays(31));
    assertThat(retention.run().purgedTargets()).isEqualTo(1);
    assertThat(database.getCollection("targets").countDocuments()).isZero();
    assertThat(
            database
                .getCollection("match_index")
                .find(new Document("e.0", new Document("$exists", true)))
                .first())
        .isNull();
    Document audit =
        database
            .getCollection("audit_log")
            .find(new Document("action", "registration.purge"))
            .first();
    assertThat(audit.getString("resource")).isEqualTo("targets/" + id);
    assertThat(audit.getString("purpose")).contains("28 CFR Part 23");
  }

  @Test
  void aPurgedRegistration_takesItsConflictsAndReviewItemsAlong_audited() {
    String apd = at(APD, "LOCAL");
    String hsi = at(HSI, "FEDERAL");
    String id =
        register(
                apd,
                DisclosureLevel.DISCLOSURE_LEVEL_OPEN,
                phone("505-555-0301"),
                person("Guadalupe", "Archuleta", 1990, 4, 7))
            .getRegistration()
            .getRegistrationId();
    register(hsi, DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0301"));
    register(hsi, DisclosureLevel.DISCLOSURE_LEVEL_OPEN, person("Lupe", "Archuletta", 1990, 7, 5));
    assertThat(database.getCollection("conflicts").countDocuments()).isEqualTo(1);
    assertThat(database.getCollection("review_items").countDocuments()).isEqualTo(1);

    CLOCK.advance(Duration.ofDays(181));
    retention.run(); // expired
    CLOCK.advance(Duration.ofDays(31));
    Retention.Report report = retention.run();

    assertThat(database.getCollection("targets").find(new Document("_id", id)).first()).isNull();
    assertThat(database.getCollection("conflicts").countDocuments()).isZero();
    assertThat(database.getCollection("review_items").countDocuments()).isZero();
    assertThat(
            database
                .getCollection("audit_log")
                .countDocuments(
                    new Document(
                        "action",
                        new Document("$in", java.util.List.of("conflict.purge", "review.purge")))))
        .isEqualTo(2);
    assertThat(report.purgedConflicts()).isEqualTo(1);
    assertThat(report.purgedReviews()).isEqualTo(1);
  }
}
