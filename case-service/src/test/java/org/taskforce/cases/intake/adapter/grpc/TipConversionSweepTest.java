package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.cases.adapter.grpc.CrashSeams;
import org.taskforce.cases.intake.application.ConversionSweep;

/**
 * A conversion the service stopped part way, and that nobody retries, is finished by the conversion
 * sweep once its claim is old enough: into the case the claim names, in the converter's name (the
 * case is theirs, deconfliction registrations are their agency's), and exactly as the request would
 * have finished it — its late retry gets the same answer.
 */
class TipConversionSweepTest extends IntakeTestBase {
  @Autowired CrashSeams seams;
  @Autowired ConversionSweep conversions;

  @Test
  void aConversionStoppedRightAfterItsClaim_isFinishedByTheSweep_inTheConvertersName() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0141")).getTipId());
    ConvertTipToCaseRequest request = conversion(tip, "Central Ave motel");
    seams.crashAt("tip.conversion.claimed");
    thrownBy(() -> tips(agoCoordinator()).convertTipToCase(request));
    assertThat(get(tip.getTipId()).getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTING);
    assertThat(database.getCollection("cases").countDocuments()).isZero();

    // A fresh claim is its request's: the sweep leaves it.
    assertThat(conversions.sweepOnce()).isZero();
    assertThat(get(tip.getTipId()).getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTING);

    ageClaims();
    assertThat(conversions.sweepOnce()).isOne();
    assertThat(conversions.sweepOnce()).isZero();

    Tip done = get(tip.getTipId());
    assertThat(done.getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
    Document opened = database.getCollection("cases").find().first();
    assertThat(database.getCollection("cases").countDocuments()).isOne();
    assertThat(opened.getString("_id")).isEqualTo(done.getCaseId());
    assertThat(opened.getString("title")).isEqualTo("Central Ave motel");
    assertThat(opened.toJson()).contains(AGO).contains("LEAD");
    assertThat(database.getCollection("subjects").countDocuments()).isEqualTo(3);
    assertThat(database.getCollection("victims").countDocuments()).isOne();
    assertThat(DECONFLICTION.creates())
        .hasSize(3)
        .allSatisfy(c -> {
          assertThat(c.caller().agencyId()).isEqualTo(AGO);
          assertThat(c.caller().displayName()).isEqualTo("ago-intake");
        });
    // The claim (title, point of contact, converter) does not stay on the tip.
    Document stored =
        database.getCollection("tips").find(new Document("_id", tip.getTipId())).first();
    assertThat(stored.get("claim")).isNull();

    ConvertTipToCaseResponse late = tips(agoCoordinator()).convertTipToCase(request);
    assertThat(late.getCaseId()).isEqualTo(done.getCaseId());
    assertThat(late.getTip()).isEqualTo(done);
    assertThat(late.getSubjectCount()).isEqualTo(3);
    assertThat(late.getVictimCount()).isOne();
    assertThat(database.getCollection("cases").countDocuments()).isOne();
  }

  @Test
  void aConversionStoppedAfterItsCase_isFinishedByTheSweep_withoutASecondCaseOrSubject() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0142")).getTipId());
    seams.crashAt("tip.conversion.opened");
    thrownBy(() -> tips(agoCoordinator()).convertTipToCase(conversion(tip, "Central Ave motel")));
    assertThat(database.getCollection("cases").countDocuments()).isOne();

    ageClaims();
    conversions.sweepOnce();
    conversions.sweepOnce();

    assertThat(get(tip.getTipId()).getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
    assertThat(database.getCollection("cases").countDocuments()).isOne();
    assertThat(database.getCollection("subjects").countDocuments()).isEqualTo(3);
    assertThat(database.getCollection("victims").countDocuments()).isOne();
  }

  private void ageClaims() {
    database
        .getCollection("tips")
        .updateMany(
            new Document("status", "CONVERTING"),
            new Document(
                "$set",
                new Document(
                    "claim.claimed", Date.from(Instant.now().minus(Duration.ofHours(1))))));
  }
}
