package org.taskforce.cases.reporting.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.Q3_END;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.Q3_START;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.ZONE;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.at;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.api.intake.v1.CloseReason;
import org.taskforce.api.intake.v1.CloseTipRequest;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipLocation;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.api.intake.v1.TraffickingKind;
import org.taskforce.api.reporting.v1.GetCaseReportRequest;
import org.taskforce.api.reporting.v1.ListCaseReportRecordsRequest;
import org.taskforce.api.reporting.v1.Measure;
import org.taskforce.api.reporting.v1.ReportRecord;
import org.taskforce.platform.reporting.ReportProtos;
import org.taskforce.platform.testing.BearerCredentials;

/**
 * The tip measures of the Q3 2026 report on tips whose answers are counted by hand below, stored in
 * the shape intake's store writes them ({@code received}, {@code source}, {@code status}, {@code
 * decided.time}, {@code agencies}); and a tip entered and closed through TipService is counted.
 *
 * <pre>
 * tip source           received (Denver)  decided            status     agencies     Q3
 * t1  NHTH             07-02 12:00        -                  NEW        ago          received
 * t2  NHTH             07-05 12:00        07-06 12:00 (24 h) CONVERTED  ago, apd     received, triaged
 * t3  STATE_HOTLINE    07-10 12:00        07-10 14:00 (2 h)  CLOSED     ago          received, triaged
 * t4  CITIZEN          08-01 12:00        08-04 12:00 (72 h) REFERRED   ago, hsi     received, triaged
 * t5  CYBERTIPLINE     08-15 12:00        08-16 12:00 (24 h) LINKED     apd          received, triaged
 * t6  NHTH             06-28 12:00        07-01 00:30 (60.5h) CONVERTED ago          triaged
 * t7  PARTNER_AGENCY   09-29 12:00        10-02 12:00        CONVERTED  apd          received
 * t8  OFFICER_OBS.     09-30 23:00        -                  ASSIGNED   apd          received
 * </pre>
 *
 * Time to triage over t2–t6: 2 h, 24 h, 24 h, 60.5 h, 72 h — median 24 h, 90th percentile 72 h.
 */
class TipMeasuresTest extends ReportTestBase {

  @BeforeEach
  void seed() {
    database.getCollection("tips").deleteMany(new Document());
    tip("t1", "NHTH", at(7, 2, 12, 0), null, "NEW", "nm-ago");
    tip("t2", "NHTH", at(7, 5, 12, 0), at(7, 6, 12, 0), "CONVERTED", "nm-ago", "apd");
    tip("t3", "STATE_HOTLINE", at(7, 10, 12, 0), at(7, 10, 14, 0), "CLOSED", "nm-ago");
    tip("t4", "CITIZEN", at(8, 1, 12, 0), at(8, 4, 12, 0), "REFERRED", "nm-ago", "hsi-abq");
    tip("t5", "CYBERTIPLINE", at(8, 15, 12, 0), at(8, 16, 12, 0), "LINKED", "apd");
    tip("t6", "NHTH", at(6, 28, 12, 0), at(7, 1, 0, 30), "CONVERTED", "nm-ago");
    tip("t7", "PARTNER_AGENCY", at(9, 29, 12, 0), at(10, 2, 12, 0), "CONVERTED", "apd");
    tip("t8", "OFFICER_OBSERVATION", at(9, 30, 23, 0), null, "ASSIGNED", "apd");
  }

  @Test
  void taskForce_tipMeasuresEqualTheHandCount() {
    Map<String, String> d = displayed(taskForceCommander(), Q3_START, Q3_END);
    assertThat(d)
        .containsEntry("tips.received|", "7")
        .containsEntry("tips.received|NHTH", "2")
        .containsEntry("tips.received|STATE_HOTLINE", "1")
        .containsEntry("tips.received|CYBERTIPLINE", "1")
        .containsEntry("tips.received|CITIZEN", "1")
        .containsEntry("tips.received|PARTNER_AGENCY", "1")
        .containsEntry("tips.received|OFFICER_OBSERVATION", "1")
        .containsEntry("tips.triaged|", "5")
        .containsEntry("tips.triaged|CONVERTED", "2")
        .containsEntry("tips.triaged|LINKED", "1")
        .containsEntry("tips.triaged|REFERRED", "1")
        .containsEntry("tips.triaged|CLOSED", "1")
        .containsEntry("tips.converted|", "2")
        .containsEntry("tips.time_to_triage|COUNT", "5")
        .containsEntry("tips.time_to_triage|MEDIAN", "24 h")
        .containsEntry("tips.time_to_triage|P90", "72 h");
  }

  @Test
  void agencyShare_countsTheTipsOfItsAgency_andAFewDurationsAreWithheld() {
    String apd = REALM.user("apd-cmdr", APD, "LOCAL", "commander").mint();
    Map<String, String> d = displayed(apd, Q3_START, Q3_END);
    assertThat(d)
        .containsEntry("tips.received|", "4")
        .containsEntry("tips.received|NHTH", "1")
        .containsEntry("tips.received|STATE_HOTLINE", "0")
        .containsEntry("tips.triaged|", "2")
        .containsEntry("tips.converted|", "1")
        .containsEntry("tips.time_to_triage|COUNT", "2")
        .containsEntry("tips.time_to_triage|MEDIAN", "fewer than 5");
  }

  @Test
  void drillDown_opensTipsOnlyToTheirAgencysTipReaders() {
    // a commander who does not read tips through TipService opens none, not even the task force's
    assertThat(records(taskForceCommander(), "tips.converted")).isEmpty();
    assertThat(records(REALM.user("apd-cmdr", APD, "LOCAL", "commander").mint(), "tips.received"))
        .isEmpty();
    // AGO's commander who is also its intake coordinator opens AGO's converted tips
    String agoIntakeCommander =
        REALM.user("ago-ic", AGO, "STATE", "commander", "intake-coordinator").mint();
    assertThat(records(agoIntakeCommander, "tips.converted"))
        .extracting(ReportRecord::getRecordId)
        .containsExactly("t2", "t6");
  }

  @Test
  void aTipEnteredAndClosedThroughTipService_isCounted() {
    String coordinator =
        REALM.user("ago-intake", AGO, "STATE", "intake-coordinator", "investigator").mint();
    var tips =
        TipServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(BearerCredentials.of(coordinator));
    Instant received = Instant.now().minusSeconds(3_600);
    Tip created =
        tips.createTip(
                CreateTipRequest.newBuilder()
                    .setTip(
                        Tip.newBuilder()
                            .setSource(TipSource.TIP_SOURCE_CYBERTIPLINE)
                            .setReceivedTime(
                                Timestamp.newBuilder().setSeconds(received.getEpochSecond()))
                            .setNarrative("Ads for a massage parlour list girls who look under 18.")
                            .setLocation(
                                TipLocation.newBuilder()
                                    .setAddress("100 Main Street")
                                    .setCity("Gallup")
                                    .setState("NM")
                                    .setBuildingType("storefront"))
                            .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX))
                    .build())
            .getTip();
    tips.closeTip(
        CloseTipRequest.newBuilder()
            .setTipId(created.getTipId())
            .setReason(CloseReason.CLOSE_REASON_INSUFFICIENT_INFORMATION)
            .setEtag(created.getEtag())
            .build());
    LocalDate today = LocalDate.now(ZONE);
    Map<String, String> d = displayed(taskForceCommander(), today.minusDays(1), today.plusDays(1));
    assertThat(d)
        .containsEntry("tips.received|CYBERTIPLINE", "1")
        .containsEntry("tips.triaged|CLOSED", "1")
        .containsEntry("tips.converted|", "0")
        .containsEntry("tips.time_to_triage|COUNT", "1");
  }

  private void tip(
      String id,
      String source,
      Instant received,
      Instant decided,
      String status,
      String... agencies) {
    Document doc =
        new Document("_id", id)
            .append("source", source)
            .append("received", Date.from(received))
            .append("kind", "SEX")
            .append("status", status)
            .append("agencies", List.of(agencies))
            .append("caseId", status.equals("CONVERTED") ? "case-of-" + id : "");
    if (decided != null) {
      doc.append("decided", new Document("subject", "u").append("time", Date.from(decided)));
    }
    database.getCollection("tips").insertOne(doc);
  }

  private Map<String, String> displayed(String token, LocalDate start, LocalDate end) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Measure m :
        reports(token)
            .getCaseReport(
                GetCaseReportRequest.newBuilder()
                    .setStartDate(ReportProtos.date(start))
                    .setEndDate(ReportProtos.date(end))
                    .build())
            .getReport()
            .getMeasuresList()) {
      out.put(m.getMeasureId() + "|" + m.getDimension(), m.getDisplay());
    }
    return out;
  }

  private List<ReportRecord> records(String token, String measure) {
    return reports(token)
        .listCaseReportRecords(
            ListCaseReportRecordsRequest.newBuilder()
                .setStartDate(ReportProtos.date(Q3_START))
                .setEndDate(ReportProtos.date(Q3_END))
                .setMeasureId(measure)
                .build())
        .getRecordsList();
  }
}
