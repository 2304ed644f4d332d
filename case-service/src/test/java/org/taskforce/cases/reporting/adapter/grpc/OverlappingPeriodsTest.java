package org.taskforce.cases.reporting.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.Q3_END;
import static org.taskforce.cases.reporting.adapter.grpc.ReportFixture.Q3_START;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.api.reporting.v1.GetCaseReportRequest;
import org.taskforce.api.reporting.v1.Measure;
import org.taskforce.platform.reporting.ReportProtos;

/**
 * The subtraction attack across reports: a reader who may run the report for any period asks for
 * the quarter and for periods overlapping it, and subtracts one shown victim count from another.
 * When one period holds the other, the difference of a victim cell counts the persons of the longer
 * period that the shorter one leaves out; it may not land between 1 and the threshold (a small
 * group the reports withhold everywhere else). On {@link ReportFixture} the quarter shows 15
 * victims and 1 July – 29 September 14 (the one person whose only case opened on the evening of 30
 * September), so without a rule across reports that person is exposed.
 */
class OverlappingPeriodsTest extends ReportTestBase {
  @BeforeEach
  void seed() {
    seedFixture();
  }

  @Test
  void noTwoReportsOfOverlappingPeriods_giveASmallVictimCountBySubtraction() {
    List<LocalDate[]> periods =
        List.of(
            new LocalDate[] {Q3_START, Q3_END},
            new LocalDate[] {Q3_START, Q3_END.minusDays(1)},
            new LocalDate[] {Q3_START, LocalDate.of(2026, 8, 31)},
            new LocalDate[] {LocalDate.of(2026, 8, 1), Q3_END},
            new LocalDate[] {LocalDate.of(2026, 9, 1), Q3_END},
            new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)},
            new LocalDate[] {LocalDate.of(2026, 4, 1), Q3_END},
            new LocalDate[] {LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)});
    List<Map<String, Long>> shown = new ArrayList<>();
    for (LocalDate[] p : periods) {
      shown.add(victimCounts(p[0], p[1]));
    }
    assertThat(shown.get(0))
        .as("the quarter itself is reported")
        .containsEntry("victims.identified|", 15L);
    List<String> leaks = new ArrayList<>();
    for (int a = 0; a < shown.size(); a++) {
      for (int b = 0; b < shown.size(); b++) {
        for (var cell : shown.get(a).entrySet()) {
          Long other = shown.get(b).get(cell.getKey());
          if (a != b && contains(periods.get(a), periods.get(b)) && other != null) {
            long diff = cell.getValue() - other;
            if (diff >= 1 && diff < 5) {
              leaks.add(
                  cell.getKey()
                      + ": "
                      + periods.get(a)[0]
                      + ".."
                      + periods.get(a)[1]
                      + " minus "
                      + periods.get(b)[0]
                      + ".."
                      + periods.get(b)[1]
                      + " = "
                      + diff);
            }
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void outsideACalendarQuarter_victimTablesSayWhy_andTheOtherMeasuresStay() {
    GetCaseReportRequest julyAugust =
        GetCaseReportRequest.newBuilder()
            .setStartDate(ReportProtos.date(Q3_START))
            .setEndDate(ReportProtos.date(LocalDate.of(2026, 8, 31)))
            .build();
    List<Measure> rows =
        reports(taskForceCommander()).getCaseReport(julyAugust).getReport().getMeasuresList();
    assertThat(rows)
        .filteredOn(m -> m.getSection().equals("Victims"))
        .isNotEmpty()
        .allSatisfy(m -> {
          assertThat(m.getSuppressed()).isTrue();
          assertThat(m.getValue()).isZero();
          assertThat(m.getDisplay()).isEqualTo("given per calendar quarter only");
        });
    // C1, C2, C8 opened in July and August; C3 only on 30 September
    assertThat(rows)
        .filteredOn(m -> m.getMeasureId().equals("cases.opened") && m.getDimension().isEmpty())
        .singleElement()
        .extracting(Measure::getDisplay)
        .isEqualTo("3");
  }

  private static boolean contains(LocalDate[] outer, LocalDate[] inner) {
    return !inner[0].isBefore(outer[0]) && !inner[1].isAfter(outer[1]);
  }

  private Map<String, Long> victimCounts(LocalDate start, LocalDate end) {
    GetCaseReportRequest request =
        GetCaseReportRequest.newBuilder()
            .setStartDate(ReportProtos.date(start))
            .setEndDate(ReportProtos.date(end))
            .build();
    Map<String, Long> out = new HashMap<>();
    for (Measure m :
        reports(taskForceCommander()).getCaseReport(request).getReport().getMeasuresList()) {
      if (m.getSection().equals("Victims") && !m.getSuppressed()) {
        out.put(m.getMeasureId() + "|" + m.getDimension(), m.getValue());
      }
    }
    return out;
  }
}
