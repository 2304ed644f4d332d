package org.taskforce.deconfliction.reporting.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.reporting.v1.DeconflictionReportingServiceGrpc;
import org.taskforce.api.reporting.v1.ListDeconflictionReportRecordsRequest;
import org.taskforce.api.reporting.v1.ListDeconflictionReportRecordsResponse;
import org.taskforce.api.reporting.v1.ReportRecord;
import org.taskforce.deconfliction.adapter.grpc.DeconflictionTestBase;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.reporting.ReportProtos;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Drill-downs page with the platform's opaque keyset tokens: every page size walks the same records
 * once each (ties on the time included), and a token only works for the list, period, breakdown and
 * reader it was made for.
 */
class DeconflictionReportPagingTest extends DeconflictionTestBase {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate START = LocalDate.of(2026, 7, 1);
  static final LocalDate END = LocalDate.of(2026, 9, 30);

  @Autowired AuditTrail audit;

  @BeforeEach
  void seed() {
    // 23 checks in Q3: APD 15 (five share one instant), HSI 8; and 2 of APD outside Q3. A
    // commander's drill-down opens its own agency's checks (as DeconflictionService reads them).
    for (int i = 0; i < 15; i++) {
      check("c-apd-" + i, "apd", i < 5 ? at(8, 1, 9) : at(7, 1 + i, 10));
    }
    for (int i = 0; i < 8; i++) {
      check("c-hsi-" + i, "hsi-abq", at(9, 1 + i, 11));
    }
    check("c-apd-june", "apd", at(6, 30, 23));
    check("c-apd-oct", "apd", at(10, 1, 0));
  }

  @Test
  void pageSizes1_7_100_walkTheSameRecords_onceEach() {
    String apd = commander("apd");
    List<String> bySize1 = walk(apd, 1);
    assertThat(bySize1).hasSize(15).doesNotHaveDuplicates().allMatch(id -> id.startsWith("c-apd-"));
    assertThat(bySize1).doesNotContain("c-apd-june", "c-apd-oct");
    assertThat(walk(apd, 7)).isEqualTo(bySize1);
    assertThat(walk(apd, 100)).isEqualTo(bySize1);
    assertThat(walk(commander("hsi-abq"), 3))
        .hasSize(8)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("c-hsi-"));
  }

  @Test
  void aTokenWorksOnlyForTheListAndReaderItWasMadeFor() {
    String apd = commander("apd");
    String token =
        stub(apd)
            .listDeconflictionReportRecords(request("").setPageSize(2).build())
            .getNextPageToken();
    assertThat(token).isNotEmpty();
    // another breakdown, another period, another reader, an altered token
    assertThat(violation(apd, request("check.partner").setPageSize(2).setPageToken(token).build()))
        .containsKey("page_token");
    assertThat(
            violation(
                apd,
                request("")
                    .setEndDate(ReportProtos.date(END.minusDays(1)))
                    .setPageToken(token)
                    .build()))
        .containsKey("page_token");
    assertThat(violation(commander("hsi-abq"), request("").setPageToken(token).build()))
        .containsKey("page_token");
    String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertThat(violation(apd, request("").setPageToken(altered).build())).containsKey("page_token");
  }

  private List<String> walk(String token, int size) {
    List<String> ids = new ArrayList<>();
    String next = "";
    Set<String> tokens = new HashSet<>();
    do {
      ListDeconflictionReportRecordsResponse page =
          stub(token)
              .listDeconflictionReportRecords(
                  request("check.before-acting").setPageSize(size).setPageToken(next).build());
      assertThat(page.getRecordsCount()).isLessThanOrEqualTo(size);
      page.getRecordsList().stream().map(ReportRecord::getRecordId).forEach(ids::add);
      next = page.getNextPageToken();
      assertThat(tokens.add(next) || next.isEmpty()).as("a token never repeats").isTrue();
    } while (!next.isEmpty());
    return ids;
  }

  private static ListDeconflictionReportRecordsRequest.Builder request(String dimension) {
    return ListDeconflictionReportRecordsRequest.newBuilder()
        .setStartDate(ReportProtos.date(START))
        .setEndDate(ReportProtos.date(END))
        .setMeasureId("deconfliction.checks")
        .setDimension(dimension);
  }

  private Map<String, String> violation(String token, ListDeconflictionReportRecordsRequest r) {
    try {
      stub(token).listDeconflictionReportRecords(r);
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      return ErrorDetails.violations(e);
    }
    throw new AssertionError("no error");
  }

  private DeconflictionReportingServiceGrpc.DeconflictionReportingServiceBlockingStub stub(
      String token) {
    return DeconflictionReportingServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  static String commander(String agency) {
    return REALM.user("cmdr-" + agency, agency, "LOCAL", "commander").mint();
  }

  static Instant at(int month, int day, int hour) {
    return LocalDateTime.of(2026, month, day, hour, 0).atZone(ZONE).toInstant();
  }

  private void check(String id, String agency, Instant t) {
    audit.append(
        new AuditEntry(
            id,
            t,
            "u-" + agency,
            "someone",
            agency,
            "",
            "check.before-acting",
            "checks/" + id, // one check, one check id
            AuditEntry.Outcome.SUCCESS,
            "test",
            "",
            Map.of()));
  }
}
