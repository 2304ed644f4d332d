package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taskforce.api.reporting.v1.ExportCaseReportResponse;

/**
 * The commander's quarterly report through the gateway with tokens Keycloak issued, on the stack
 * the README's run command starts with its demo data: the task-force commander downloads the
 * quarter's CSV, the lead agency's grant manager reads the same totals, an investigator is refused.
 */
class ReportingJourneyTest extends StackTestBase {
  private final HttpClient http = HttpClient.newHttpClient();
  private String quarter;

  @Override
  LocalStack.Options stackOptions() {
    return freshStack("reporting-stack", true);
  }

  @BeforeAll
  void pickThisQuarter() {
    LocalDate today = LocalDate.now(ZoneId.of("America/Denver"));
    LocalDate start = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
    LocalDate end = start.plusMonths(3).minusDays(1);
    quarter =
        "start_date.year=%d&start_date.month=%d&start_date.day=%d&end_date.year=%d&end_date.month=%d&end_date.day=%d"
            .formatted(
                start.getYear(),
                start.getMonthValue(),
                start.getDayOfMonth(),
                end.getYear(),
                end.getMonthValue(),
                end.getDayOfMonth());
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + LocalStack.GATEWAY + path))
            .header("Authorization", "Bearer " + api.userToken(user))
            .header("X-Taskforce-Purpose", "quarterly report")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void commanderDownloadsTheQuartersCsv() throws Exception {
    HttpResponse<String> response = get("ago.commander", "/api/v1/reports/cases:export?" + quarter);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    ExportCaseReportResponse.Builder export = ExportCaseReportResponse.newBuilder();
    JsonFormat.parser().merge(response.body(), export);
    assertThat(export.getFilename()).startsWith("taskforce-report-").endsWith(".csv");
    List<String> lines = export.getCsv().lines().toList();
    assertThat(lines.get(0)).contains("task force");
    assertThat(lines.get(1)).startsWith("section,measure_id,");
    // the demo data opens two joint cases today, one with a victim record (fewer than 5)
    assertThat(lines)
        .contains("\"Cases\",\"cases.opened\",\"Cases opened\",\"\",\"All\",2,\"2\",count")
        .contains(
            "\"Victims\",\"victims.identified\",\"Victims identified\",\"\",\"All\",,\"fewer than 5\",count");
    assertThat(export.getCsv()).doesNotContain("V-1 (demo)");
  }

  @Test
  void grantManagerReadsTheTaskForceReport_investigatorIsRefused() throws Exception {
    HttpResponse<String> report = get("ago.grants", "/api/v1/reports/cases?" + quarter);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).contains("REPORT_SCOPE_TASK_FORCE");
    HttpResponse<String> deconfliction =
        get("ago.grants", "/api/v1/reports/deconfliction?" + quarter);
    assertThat(deconfliction.statusCode()).as(deconfliction.body()).isEqualTo(200);
    assertThat(deconfliction.body()).contains("deconfliction.checks");
    assertThat(get("apd.investigator", "/api/v1/reports/cases?" + quarter).statusCode())
        .isEqualTo(403);
    HttpResponse<String> share = get("apd.commander", "/api/v1/reports/cases?" + quarter);
    assertThat(share.statusCode()).isEqualTo(200);
    assertThat(share.body()).contains("REPORT_SCOPE_AGENCY");
  }
}
