package org.taskforce.deconfliction.reporting.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskforce.platform.testing.ErrorDetails.invalidArgument;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.reporting.v1.DeconflictionReportingServiceGrpc;
import org.taskforce.api.reporting.v1.ExportDeconflictionReportRequest;
import org.taskforce.api.reporting.v1.GetDeconflictionReportRequest;
import org.taskforce.api.reporting.v1.ListDeconflictionReportRecordsRequest;
import org.taskforce.api.reporting.v1.Measure;
import org.taskforce.api.reporting.v1.Report;
import org.taskforce.api.reporting.v1.ReportRecord;
import org.taskforce.api.reporting.v1.ReportScope;
import org.taskforce.deconfliction.adapter.grpc.DeconflictionTestBase;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.reporting.ReportProtos;
import org.taskforce.platform.testing.BearerCredentials;

/**
 * The Q3 2026 deconfliction report on records whose answers are counted by hand in the comments; an
 * agency's share leaves out a conflict it is not told of (the other side is RESTRICTED).
 */
class DeconflictionReportTest extends DeconflictionTestBase {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate START = LocalDate.of(2026, 7, 1);
  static final LocalDate END = LocalDate.of(2026, 9, 30);
  static final String AGO = "nm-ago";

  @Autowired AuditTrail audit;
  @Autowired DisclosurePolicy policy;
  private MongoEventStore events;

  static Instant at(int month, int day, int hour) {
    return LocalDateTime.of(2026, month, day, hour, 0).atZone(ZONE).toInstant();
  }

  static Agency agency(String id) {
    return new Agency(id, id.toUpperCase(), "LOCAL");
  }

  static Stamp stamp(String agency, Instant t) {
    return new Stamp("u-" + agency, "someone", agency, t);
  }

  @BeforeEach
  void seed() {
    // checks: APD 3 in Q3; HSI 2 in Q3 and 1 in June; a partner system 1; other actions ignored
    check("apd", "check.before-acting", at(7, 2, 9));
    check("apd", "check.before-acting", at(8, 2, 9));
    check("apd", "check.before-acting", at(9, 30, 23));
    check("hsi-abq", "check.before-acting", at(7, 3, 9));
    check("hsi-abq", "check.before-acting", at(9, 3, 9));
    check("hsi-abq", "check.before-acting", at(6, 30, 23));
    check("bcso", "check.partner", at(8, 5, 9));
    check("apd", "TARGET_REGISTERED", at(8, 5, 9));
    check("apd", "check.before-acting", at(10, 1, 0));

    events = new MongoEventStore(database);
    // lead times in Q3: 48 h (APD), 6 h (APD), exactly 24 h (HSI), 1 h (HSI, RESTRICTED)
    event("E1", "apd", EventType.SEARCH_WARRANT, at(7, 10, 12), at(7, 12, 12), Disclosure.OPEN);
    event("E2", "apd", EventType.BUY_BUST, at(8, 1, 12), at(8, 1, 18), Disclosure.OPEN);
    event("E3", "hsi-abq", EventType.SURVEILLANCE, at(9, 1, 12), at(9, 2, 12), Disclosure.OPEN);
    event("E4", "fbi-abq", EventType.ARREST, at(6, 1, 12), at(7, 2, 12), Disclosure.OPEN);
    event("E5", "hsi-abq", EventType.ARREST, at(9, 15, 12), at(9, 15, 13), Disclosure.RESTRICTED);

    MongoConflictStore conflicts = new MongoConflictStore(database, policy);
    Instant k1 = at(7, 5, 10);
    conflicts.insertIfAbsent(
        conflict(
            "K1",
            Conflict.Kind.TARGET,
            k1,
            Conflict.Status.ACKNOWLEDGED,
            false,
            side("apd", Disclosure.OPEN, k1.plus(Duration.ofHours(1))),
            side("hsi-abq", Disclosure.OPEN, k1.plus(Duration.ofHours(3)))));
    Instant k2 = at(8, 10, 10);
    conflicts.insertIfAbsent(
        conflict(
            "K2",
            Conflict.Kind.EVENT,
            k2,
            Conflict.Status.NEW,
            true,
            side("apd", Disclosure.OPEN, k2.plus(Duration.ofMinutes(30))),
            side("fbi-abq", Disclosure.OPEN, null)));
    Instant k3 = at(9, 10, 10); // HSI registered RESTRICTED: APD is not told of this conflict
    conflicts.insertIfAbsent(
        conflict(
            "K3",
            Conflict.Kind.TARGET,
            k3,
            Conflict.Status.ACKNOWLEDGED,
            false,
            side("hsi-abq", Disclosure.RESTRICTED, k3.plus(Duration.ofHours(2))),
            side("apd", Disclosure.OPEN, null)));
    conflicts.insertIfAbsent(
        conflict(
            "K4",
            Conflict.Kind.EVENT,
            at(6, 20, 10),
            Conflict.Status.RESOLVED,
            false,
            side("fbi-abq", Disclosure.OPEN, null),
            side("hsi-abq", Disclosure.OPEN, null)));
    conflicts.insertIfAbsent(
        conflict(
            "K5",
            Conflict.Kind.TARGET,
            at(6, 25, 10),
            Conflict.Status.NEW,
            false,
            side("fbi-abq", Disclosure.OPEN, null),
            side("hsi-abq", Disclosure.OPEN, null)));

    MongoTargetStore targets = new MongoTargetStore(database);
    Instant now = Instant.now();
    target(targets, "T1", "apd", now.plus(Duration.ofDays(10)), RegistrationStatus.ACTIVE);
    target(targets, "T2", "hsi-abq", now.plus(Duration.ofDays(29)), RegistrationStatus.ACTIVE);
    target(targets, "T3", "hsi-abq", now.plus(Duration.ofDays(31)), RegistrationStatus.ACTIVE);
    target(targets, "T4", "apd", now.plus(Duration.ofDays(5)), RegistrationStatus.WITHDRAWN);
    target(targets, "T5", "fbi-abq", now.minus(Duration.ofDays(1)), RegistrationStatus.ACTIVE);
  }

  private void check(String agency, String action, Instant t) {
    audit.append(
        new AuditEntry(
            "a-" + agency + t.toEpochMilli() + action,
            t,
            "u-" + agency,
            "someone",
            agency,
            "",
            action,
            "checks/" + agency + t.toEpochMilli(), // one check, one check id
            AuditEntry.Outcome.SUCCESS,
            "test",
            "",
            Map.of()));
  }

  private void event(
      String id,
      String agency,
      EventType type,
      Instant created,
      Instant start,
      Disclosure disclosure) {
    events.insert(
        new EventRegistration(
            id,
            agency(agency),
            type,
            new EventPlan(35.08, -106.65, 200, start, start.plus(Duration.ofHours(2))),
            null,
            Contact.NONE,
            List.of(),
            "case",
            disclosure,
            RegistrationStatus.ACTIVE,
            stamp(agency, created),
            stamp(agency, created),
            1,
            ""));
  }

  private static Conflict.Side side(String agency, Disclosure d, Instant acknowledged) {
    return new Conflict.Side(
        agency(agency),
        "r-" + agency,
        Contact.NONE,
        d,
        acknowledged == null ? null : stamp(agency, acknowledged));
  }

  private static Conflict conflict(
      String id,
      Conflict.Kind kind,
      Instant created,
      Conflict.Status status,
      boolean escalated,
      Conflict.Side... sides) {
    return new Conflict(
        id,
        kind,
        Tier.MATCH,
        1.0,
        List.of("same phone"),
        status,
        List.of(sides),
        created.plus(Duration.ofDays(1)),
        null,
        "",
        null,
        created,
        escalated,
        1);
  }

  private static void target(
      MongoTargetStore store, String id, String agency, Instant expires, RegistrationStatus s) {
    Instant created = expires.minus(Duration.ofDays(180));
    store.insert(
        new TargetRegistration(
            id,
            agency(agency),
            List.of(),
            Contact.NONE,
            "case-" + id,
            Disclosure.OPEN,
            expires,
            s,
            stamp(agency, created),
            stamp(agency, created),
            1,
            "",
            ""));
  }

  private DeconflictionReportingServiceGrpc.DeconflictionReportingServiceBlockingStub reports(
      String token) {
    return DeconflictionReportingServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  static String commander(String agency) {
    return REALM.user("cmdr-" + agency, agency, "LOCAL", "commander").mint();
  }

  static String taskForceCommander() {
    return REALM.user("tf-cmdr", AGO, "STATE", "commander", "taskforce-commander").mint();
  }

  static String grantManager(String agency) {
    return REALM.user("gm-" + agency, agency, "STATE", "grant-manager").mint();
  }

  static GetDeconflictionReportRequest q3() {
    return GetDeconflictionReportRequest.newBuilder()
        .setStartDate(ReportProtos.date(START))
        .setEndDate(ReportProtos.date(END))
        .build();
  }

  static Map<String, String> displayed(Report r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Measure m : r.getMeasuresList()) {
      out.put(m.getMeasureId() + "|" + m.getDimension(), m.getDisplay());
    }
    return out;
  }

  static void expect(Map<String, String> actual, String id, String... dimensionValue) {
    for (int i = 0; i < dimensionValue.length; i += 2) {
      assertThat(actual)
          .as(id + "|" + dimensionValue[i])
          .containsEntry(id + "|" + dimensionValue[i], dimensionValue[i + 1]);
    }
  }

  @Test
  void taskForceReport_everyMeasureEqualsTheHandCountedAnswer() {
    for (String token : List.of(taskForceCommander(), grantManager(AGO))) {
      Report r = reports(token).getDeconflictionReport(q3()).getReport();
      assertThat(r.getScope()).isEqualTo(ReportScope.REPORT_SCOPE_TASK_FORCE);
      Map<String, String> d = displayed(r);
      expect(d, "deconfliction.checks", "", "6", "check.before-acting", "5", "check.partner", "1");
      expect(d, "deconfliction.operations_registered", "", "4", "SEARCH_WARRANT", "1");
      expect(d, "deconfliction.operations_registered", "BUY_BUST", "1", "SURVEILLANCE", "1");
      expect(d, "deconfliction.operations_registered", "ARREST", "1", "SWEEP", "0");
      expect(d, "deconfliction.operations_lead_time", "COUNT", "4", "MEDIAN", "fewer than 5");
      expect(d, "deconfliction.operations_lead_time", "P90", "fewer than 5");
      expect(d, "deconfliction.operations_lead_time", "SHARE_AT_LEAST_24H", "fewer than 5");
      expect(d, "deconfliction.conflicts", "", "3", "TARGET", "2", "EVENT", "1");
      expect(d, "deconfliction.time_to_acknowledge", "COUNT", "4", "MEDIAN", "fewer than 5");
      expect(d, "deconfliction.escalated", "", "1", "EVENT", "1", "TARGET", "0");
      expect(d, "deconfliction.open_conflicts", "", "4", "TARGET", "3", "EVENT", "1");
      expect(d, "deconfliction.registrations_expiring", "", "2");
    }
  }

  @Test
  void agencyShare_countsOnlyWhatTheAgencyReads_notTheConflictARestrictedOwnerKeptFromIt() {
    Report r = reports(commander("apd")).getDeconflictionReport(q3()).getReport();
    assertThat(r.getScope()).isEqualTo(ReportScope.REPORT_SCOPE_AGENCY);
    Map<String, String> d = displayed(r);
    expect(d, "deconfliction.checks", "", "3", "check.partner", "0");
    expect(d, "deconfliction.operations_registered", "", "2");
    expect(d, "deconfliction.operations_lead_time", "MEDIAN", "fewer than 5");
    expect(d, "deconfliction.conflicts", "", "2", "TARGET", "1", "EVENT", "1");
    // Durations of fewer than 5 records are withheld: one or two would give their exact values.
    expect(d, "deconfliction.time_to_acknowledge", "COUNT", "2", "P90", "fewer than 5");
    expect(d, "deconfliction.open_conflicts", "", "2");
    expect(d, "deconfliction.registrations_expiring", "", "1");
    Map<String, String> hsi =
        displayed(reports(commander("hsi-abq")).getDeconflictionReport(q3()).getReport());
    expect(hsi, "deconfliction.conflicts", "", "2", "TARGET", "2", "EVENT", "0");
  }

  @Test
  void drillDown_opensOnlyWhatTheCallerReadsThroughDeconflictionService() {
    assertThat(ids(commander("apd"), "deconfliction.conflicts", "")).containsExactly("K2", "K1");
    assertThat(ids(commander("hsi-abq"), "deconfliction.conflicts", "TARGET"))
        .containsExactly("K3", "K1");
    // the task-force commander sees the total of 3 but is a side of none
    assertThat(ids(taskForceCommander(), "deconfliction.conflicts", "")).isEmpty();
    String watchCommander =
        REALM
            .user("watch-cmdr", AGO, "STATE", "commander", "taskforce-commander", "watch-officer")
            .mint();
    assertThat(ids(watchCommander, "deconfliction.conflicts", ""))
        .containsExactly("K3", "K2", "K1");
    // operations: one's own agency's registrations only, RESTRICTED ones of others never
    assertThat(ids(commander("apd"), "deconfliction.operations_registered", ""))
        .containsExactly("E2", "E1");
    assertThat(ids(watchCommander, "deconfliction.operations_registered", "")).isEmpty();
    assertThat(ids(commander("apd"), "deconfliction.registrations_expiring", ""))
        .containsExactly("T1");
  }

  @Test
  void othersArePermissionDenied_andBadInputIsFieldViolations() {
    for (String token :
        List.of(investigator("apd", "LOCAL"), watchOfficer(), grantManager("apd"))) {
      assertThatThrownBy(() -> reports(token).getDeconflictionReport(q3()))
          .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
          .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
    var stub = reports(commander("apd"));
    assertThat(
            invalidArgument(() ->
                stub.getDeconflictionReport(GetDeconflictionReportRequest.getDefaultInstance())))
        .containsKeys("start_date", "end_date");
    assertThat(
            invalidArgument(() ->
                stub.listDeconflictionReportRecords(
                    records("deconfliction.time_to_acknowledge", "").build())))
        .containsKey("measure_id");
    assertThat(
            invalidArgument(() ->
                stub.listDeconflictionReportRecords(
                    records("deconfliction.conflicts", "BOTH").build())))
        .containsKey("dimension");
    assertThat(
            invalidArgument(() ->
                stub.listDeconflictionReportRecords(
                    records("deconfliction.conflicts", "").setPageToken("5.zz").build())))
        .containsKey("page_token");
  }

  @Test
  void pages_andCsv() {
    var stub = reports(commander("apd"));
    var first =
        stub.listDeconflictionReportRecords(
            records("deconfliction.conflicts", "").setPageSize(1).build());
    var second =
        stub.listDeconflictionReportRecords(
            records("deconfliction.conflicts", "")
                .setPageSize(1)
                .setPageToken(first.getNextPageToken())
                .build());
    assertThat(first.getRecords(0).getRecordId()).isEqualTo("K2");
    assertThat(second.getRecords(0).getRecordId()).isEqualTo("K1");
    assertThat(second.getNextPageToken()).isEmpty();
    String csv =
        stub.exportDeconflictionReport(
                ExportDeconflictionReportRequest.newBuilder()
                    .setStartDate(ReportProtos.date(START))
                    .setEndDate(ReportProtos.date(END))
                    .build())
            .getCsv();
    assertThat(csv.lines().skip(2).findFirst().orElseThrow())
        .isEqualTo(
            "\"Deconfliction\",\"deconfliction.checks\",\"Checks run\",\"\",\"All\",3,\"3\",count");
  }

  private List<String> ids(String token, String measure, String dimension) {
    List<String> out = new ArrayList<>();
    for (ReportRecord r :
        reports(token)
            .listDeconflictionReportRecords(records(measure, dimension).build())
            .getRecordsList()) {
      out.add(r.getRecordId());
    }
    return out;
  }

  private static ListDeconflictionReportRecordsRequest.Builder records(
      String measure, String dimension) {
    return ListDeconflictionReportRecordsRequest.newBuilder()
        .setStartDate(ReportProtos.date(START))
        .setEndDate(ReportProtos.date(END))
        .setMeasureId(measure)
        .setDimension(dimension);
  }
}
