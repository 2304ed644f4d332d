package org.taskforce.cases.reporting.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.Q3_END;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.Q3_START;
import static org.taskforce.platform.testing.ErrorDetails.invalidArgument;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.api.reporting.v1.ExportCaseReportRequest;
import org.taskforce.api.reporting.v1.GetCaseReportRequest;
import org.taskforce.api.reporting.v1.ListCaseReportRecordsRequest;
import org.taskforce.api.reporting.v1.Measure;
import org.taskforce.api.reporting.v1.Report;
import org.taskforce.api.reporting.v1.ReportRecord;
import org.taskforce.api.reporting.v1.ReportScope;
import org.taskforce.platform.reporting.ReportProtos;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Every measure of the Q3 report on {@link ReportFixture}'s records equals the answer counted by
 * hand there; small victim counts and their complements are withheld; drill-downs open only what
 * the caller reads through CaseService.
 */
class CaseReportTest extends ReportTestBase {
  @BeforeEach
  void seed() {
    seedFixture();
  }

  private static GetCaseReportRequest q3() {
    return GetCaseReportRequest.newBuilder()
        .setStartDate(ReportProtos.date(Q3_START))
        .setEndDate(ReportProtos.date(Q3_END))
        .build();
  }

  private static Map<String, String> displayed(Report r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Measure m : r.getMeasuresList()) {
      out.put(m.getMeasureId() + "|" + m.getDimension(), m.getDisplay());
    }
    return out;
  }

  static String grantManager(String agency) {
    return REALM.user("gm-" + agency, agency, "STATE", "grant-manager").mint();
  }

  static String apdCommander() {
    return REALM.user("apd-cmdr", APD, "LOCAL", "commander").mint();
  }

  @Test
  void taskForceReport_everyMeasureEqualsTheHandCountedAnswer() {
    Report r = reports(taskForceCommander()).getCaseReport(q3()).getReport();
    assertThat(r.getScope()).isEqualTo(ReportScope.REPORT_SCOPE_TASK_FORCE);
    assertThat(r.getSuppressionThreshold()).isEqualTo(5);
    assertThat(r.hasComputeTime()).isTrue();
    Map<String, String> d = displayed(r);
    Map<String, String> expected = new LinkedHashMap<>();
    // cases
    put(expected, "cases.opened", "", "4", "SEX_TRAFFICKING", "3", "LABOR_TRAFFICKING", "1");
    put(expected, "cases.opened", "SEX_AND_LABOR", "0", "OTHER", "0");
    put(expected, "cases.active", "", "6", "SEX_TRAFFICKING", "3", "LABOR_TRAFFICKING", "2");
    put(expected, "cases.active", "SEX_AND_LABOR", "1", "OTHER", "0");
    put(expected, "cases.closed", "", "1", "SEX_AND_LABOR", "1", "SEX_TRAFFICKING", "0");
    put(expected, "cases.active_by_lead_agency", "", "6", "nm-ago", "2", "apd", "2");
    put(expected, "cases.active_by_lead_agency", "hsi-abq", "1", "fbi-abq", "1");
    put(expected, "cases.active_by_lead_agency_type", "", "6", "STATE", "2", "LOCAL", "2");
    put(expected, "cases.active_by_lead_agency_type", "FEDERAL", "2", "TRIBAL", "0");
    // a case counts under each of its industries; the total counts cases
    put(expected, "cases.active_by_industry", "", "6", "MASSAGE_PARLOR", "2", "AGRICULTURE", "2");
    put(expected, "cases.active_by_industry", "DOMESTIC_SERVITUDE", "1", "STRIP_CLUB", "0");
    // victims: persons, de-duplicated; fewer than 5 withheld with their complements
    put(expected, "victims.identified", "", "15", "CONFIRMED", "10", "POTENTIAL", "5");
    String few = "fewer than 5";
    put(expected, "victims.client_status", "CONFIRMED/NEW", few, "CONFIRMED/CONTINUING", few);
    put(expected, "victims.client_status", "POTENTIAL/NEW", "5", "POTENTIAL/CONTINUING", "0");
    put(expected, "victims.age", "CONFIRMED/ADULT", few, "CONFIRMED/MINOR", few);
    put(expected, "victims.age", "POTENTIAL/ADULT", few, "POTENTIAL/MINOR", few);
    put(expected, "victims.citizenship", "CONFIRMED/FOREIGN_NATIONAL", "5");
    put(expected, "victims.citizenship", "CONFIRMED/US_CITIZEN_OR_RESIDENT", few);
    put(expected, "victims.citizenship", "CONFIRMED/UNKNOWN", few);
    put(expected, "victims.citizenship", "POTENTIAL/FOREIGN_NATIONAL", few);
    put(expected, "victims.citizenship", "POTENTIAL/US_CITIZEN_OR_RESIDENT", few);
    put(expected, "victims.citizenship", "POTENTIAL/UNKNOWN", few);
    put(expected, "victims.trafficking_type", "CONFIRMED/SEX_TRAFFICKING", few);
    put(expected, "victims.trafficking_type", "CONFIRMED/LABOR_TRAFFICKING", few);
    put(expected, "victims.trafficking_type", "CONFIRMED/SEX_AND_LABOR", few);
    put(expected, "victims.trafficking_type", "CONFIRMED/OTHER", few);
    put(expected, "victims.trafficking_type", "POTENTIAL/SEX_TRAFFICKING", few);
    put(expected, "victims.trafficking_type", "POTENTIAL/LABOR_TRAFFICKING", few);
    put(expected, "victims.trafficking_type", "POTENTIAL/SEX_AND_LABOR", "0");
    put(expected, "victims.trafficking_type", "POTENTIAL/OTHER", "0");
    put(expected, "victims.services", "CONFIRMED/shelter", "7", "CONFIRMED/legal", few);
    put(expected, "victims.services", "POTENTIAL/shelter", few);
    // outcomes: subjects, not outcome records
    put(expected, "outcomes.arrested", "", "2");
    put(expected, "outcomes.prosecuted", "", "1");
    put(expected, "outcomes.sentenced", "", "1");
    put(expected, "outcomes.charged", "", "2", "STATE_TRAFFICKING", "1");
    put(expected, "outcomes.charged", "FEDERAL_TRAFFICKING", "1", "OTHER", "1");
    put(
        expected,
        "outcomes.convicted",
        "",
        "1",
        "FEDERAL_TRAFFICKING",
        "1",
        "STATE_TRAFFICKING",
        "0");
    // training
    put(expected, "training.sessions", "", "3", "LAW_ENFORCEMENT", "2", "SCHOOLS", "1");
    put(expected, "training.sessions", "HOSPITALITY", "0");
    put(expected, "training.attendees", "", "200", "LAW_ENFORCEMENT", "50", "SCHOOLS", "150");
    put(expected, "training.attendees", "HOSPITALITY", "0");
    expected.forEach((key, value) -> assertThat(d).as(key).containsEntry(key, value));
    // no number withheld anywhere carries its value
    r.getMeasuresList().stream()
        .filter(Measure::getSuppressed)
        .forEach(m -> assertThat(m.getValue()).as(m.getMeasureId()).isZero());
    // victim numbers never open as records
    r.getMeasuresList().stream()
        .filter(m -> m.getSection().equals("Victims"))
        .forEach(m -> assertThat(m.getDrillable()).isFalse());
  }

  private static void put(Map<String, String> m, String id, String... dimensionValue) {
    for (int i = 0; i < dimensionValue.length; i += 2) {
      m.put(id + "|" + dimensionValue[i], dimensionValue[i + 1]);
    }
  }

  @Test
  void agencyCommander_seesItsAgencysShare() {
    Report r = reports(apdCommander()).getCaseReport(q3()).getReport();
    assertThat(r.getScope()).isEqualTo(ReportScope.REPORT_SCOPE_AGENCY);
    assertThat(r.getAgencyId()).isEqualTo(APD);
    Map<String, String> d = displayed(r);
    Map<String, String> expected = new LinkedHashMap<>();
    put(expected, "cases.opened", "", "1", "SEX_TRAFFICKING", "1", "LABOR_TRAFFICKING", "0");
    put(expected, "cases.active", "", "2", "SEX_TRAFFICKING", "1", "LABOR_TRAFFICKING", "1");
    put(expected, "cases.closed", "", "0");
    // APD's share: C2 (massage parlour, domestic servitude) and C7 (agriculture)
    put(expected, "cases.active_by_industry", "", "2", "MASSAGE_PARLOR", "1");
    put(expected, "cases.active_by_industry", "DOMESTIC_SERVITUDE", "1", "AGRICULTURE", "1");
    // 7 confirmed + 1 potential: the 1 is withheld, and the 7 with it (else 8 - 7 gives it back)
    put(expected, "victims.identified", "", "8", "CONFIRMED", "fewer than 5");
    put(expected, "victims.identified", "POTENTIAL", "fewer than 5");
    put(expected, "outcomes.arrested", "", "1");
    put(expected, "outcomes.charged", "", "1", "OTHER", "1", "STATE_TRAFFICKING", "0");
    put(expected, "outcomes.convicted", "", "0");
    put(expected, "training.sessions", "", "1", "LAW_ENFORCEMENT", "1");
    put(expected, "training.attendees", "", "20");
    expected.forEach((key, value) -> assertThat(d).as(key).containsEntry(key, value));
  }

  @Test
  void leadAgencysGrantManager_readsTheTaskForceReport_butOpensOnlyItsAgencysRecords() {
    Report r = reports(grantManager(AGO)).getCaseReport(q3()).getReport();
    assertThat(r.getScope()).isEqualTo(ReportScope.REPORT_SCOPE_TASK_FORCE);
    assertThat(displayed(r)).containsEntry("cases.active|", "6");
    assertThat(ids(records(grantManager(AGO), "cases.active", "")))
        .containsExactly("C1", "C8", "C4");
    assertThat(records(grantManager(AGO), "outcomes.charged", ""))
        .extracting(ReportRecord::getCaseId)
        .containsOnly("C1")
        .hasSize(2);
  }

  @Test
  void drillDown_opensTheRecordsBehindANumber_asFarAsTheCallerReadsThem() {
    assertThat(ids(records(taskForceCommander(), "cases.opened", "SEX_TRAFFICKING")))
        .containsExactly("C2", "C1", "C8");
    assertThat(ids(records(taskForceCommander(), "cases.closed", ""))).containsExactly("C4");
    assertThat(ids(records(apdCommander(), "cases.active", ""))).containsExactly("C2", "C7");
    assertThat(records(apdCommander(), "outcomes.charged", "OTHER"))
        .extracting(ReportRecord::getCaseId)
        .containsExactly("C2");
    assertThat(ids(records(apdCommander(), "training.sessions", ""))).containsExactly("t2");
    assertThat(ids(records(grantManager(AGO), "training.sessions", "")))
        .containsExactly("t3", "t2", "t1");
    assertThat(ids(records(taskForceCommander(), "cases.active_by_lead_agency", "apd")))
        .containsExactly("C2", "C7");
    assertThat(ids(records(taskForceCommander(), "cases.active_by_industry", "MASSAGE_PARLOR")))
        .containsExactly("C2", "C1");
    assertThat(ids(records(apdCommander(), "cases.active_by_industry", "AGRICULTURE")))
        .containsExactly("C7");
  }

  @Test
  void drillDown_pagesWithoutLosingOrRepeatingRecords() {
    var stub = reports(taskForceCommander());
    var first =
        stub.listCaseReportRecords(recordsRequest("cases.active", "").setPageSize(4).build());
    assertThat(first.getRecordsCount()).isEqualTo(4);
    var second =
        stub.listCaseReportRecords(
            recordsRequest("cases.active", "")
                .setPageSize(4)
                .setPageToken(first.getNextPageToken())
                .build());
    assertThat(second.getNextPageToken()).isEmpty();
    assertThat(
            java.util.stream.Stream.concat(
                    first.getRecordsList().stream(), second.getRecordsList().stream())
                .map(ReportRecord::getRecordId))
        .containsExactly("C3", "C2", "C1", "C8", "C4", "C7");
    assertThatThrownBy(() ->
            stub.listCaseReportRecords(
                recordsRequest("cases.opened", "").setPageToken(first.getNextPageToken()).build()))
        .satisfies(e ->
            assertThat(ErrorDetails.violations((StatusRuntimeException) e))
                .containsKey("page_token"));
  }

  @Test
  void peopleWithoutAReportRole_andPartnerSystems_arePermissionDenied() {
    for (String token :
        List.of(
            ago(),
            advocate(),
            grantManager(APD),
            partnerOf(APD, "LOCAL"),
            REALM.client("tf-rms", AGO, "STATE", "taskforce-commander", "commander").mint())) {
      assertThatThrownBy(() -> reports(token).getCaseReport(q3()))
          .isInstanceOf(StatusRuntimeException.class)
          .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
          .isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThatThrownBy(() ->
              reports(token).listCaseReportRecords(recordsRequest("cases.opened", "").build()))
          .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
          .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
  }

  @Test
  void badPeriodsAndMeasures_areFieldViolations() {
    var stub = reports(taskForceCommander());
    assertThat(invalidArgument(() -> stub.getCaseReport(GetCaseReportRequest.getDefaultInstance())))
        .containsKeys("start_date", "end_date");
    assertThat(
            invalidArgument(() ->
                stub.getCaseReport(
                    GetCaseReportRequest.newBuilder()
                        .setStartDate(ReportProtos.date(Q3_END))
                        .setEndDate(ReportProtos.date(Q3_START))
                        .build())))
        .containsKey("end_date");
    assertThat(
            invalidArgument(() ->
                stub.getCaseReport(
                    GetCaseReportRequest.newBuilder()
                        .setStartDate(
                            com.google.type.Date.newBuilder().setYear(2026).setMonth(2).setDay(30))
                        .setEndDate(ReportProtos.date(Q3_END))
                        .build())))
        .containsKey("start_date");
    assertThat(
            invalidArgument(() ->
                stub.getCaseReport(
                    GetCaseReportRequest.newBuilder()
                        .setStartDate(ReportProtos.date(LocalDate.of(2010, 1, 1)))
                        .setEndDate(ReportProtos.date(Q3_END))
                        .build())))
        .containsKey("end_date");
    assertThat(
            invalidArgument(() ->
                stub.listCaseReportRecords(
                    recordsRequest("victims.age", "CONFIRMED/MINOR").build())))
        .containsKey("measure_id");
    assertThat(
            invalidArgument(
                () -> stub.listCaseReportRecords(recordsRequest("no.such", "").build())))
        .containsKey("measure_id");
    assertThat(
            invalidArgument(
                () -> stub.listCaseReportRecords(recordsRequest("cases.opened", "PIRACY").build())))
        .containsKey("dimension");
    assertThat(
            invalidArgument(
                () -> stub.listCaseReportRecords(recordsRequest("outcomes.arrested", "X").build())))
        .containsKey("dimension");
  }

  @Test
  void csvExport_followsTheQuarterlyReportsOrder_andPrintsWithheldCellsWithoutValues() {
    var csv =
        reports(taskForceCommander())
            .exportCaseReport(
                ExportCaseReportRequest.newBuilder()
                    .setStartDate(ReportProtos.date(Q3_START))
                    .setEndDate(ReportProtos.date(Q3_END))
                    .build());
    assertThat(csv.getFilename()).isEqualTo("taskforce-report-2026-07-01_2026-09-30.csv");
    List<String> lines = csv.getCsv().lines().toList();
    assertThat(lines.get(0))
        .startsWith("# \"Task force performance report")
        .contains("2026-07-01 to 2026-09-30");
    assertThat(lines.get(1))
        .isEqualTo("section,measure_id,measure,dimension,breakdown,value,display,unit");
    assertThat(lines.get(2))
        .isEqualTo("\"Cases\",\"cases.opened\",\"Cases opened\",\"\",\"All\",4,\"4\",count");
    List<String> sections =
        lines.stream().skip(2).map(l -> l.substring(1, l.indexOf('"', 1))).distinct().toList();
    assertThat(sections)
        .containsExactly(
            "Cases",
            "Tips and referrals",
            "Victims",
            "Law-enforcement outcomes",
            "Training and outreach");
    assertThat(lines)
        .contains(
            "\"Cases\",\"cases.active_by_industry\",\"Cases active, by industry\",\"MASSAGE_PARLOR\",\"Massage parlors\",2,\"2\",count")
        .contains(
            "\"Victims\",\"victims.age\",\"Victims by age\",\"CONFIRMED/MINOR\",\"Confirmed: Minor\",,\"fewer than 5\",count");
  }

  private static List<String> ids(List<ReportRecord> records) {
    return records.stream().map(ReportRecord::getRecordId).toList();
  }

  private List<ReportRecord> records(String token, String measure, String dimension) {
    return reports(token)
        .listCaseReportRecords(recordsRequest(measure, dimension).build())
        .getRecordsList();
  }

  private static ListCaseReportRecordsRequest.Builder recordsRequest(
      String measure, String dimension) {
    return ListCaseReportRecordsRequest.newBuilder()
        .setStartDate(ReportProtos.date(Q3_START))
        .setEndDate(ReportProtos.date(Q3_END))
        .setMeasureId(measure)
        .setDimension(dimension);
  }
}
