package org.taskforce.cases.reporting.adapter.mongo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.taskforce.cases.reporting.application.ReportStore.TallyQuery;
import org.taskforce.cases.reporting.application.Source;

/** Case tallies answered from the day buckets ({@link CaseTallies}) instead of the cases. */
final class CaseTallyReads {
  private CaseTallyReads() {}

  enum Window {
    OPENED,
    CLOSED,
    ACTIVE
  }

  /** Which bucket sums a source of cases reads, or null when the buckets do not hold it. */
  static Window window(Source s) {
    if (s.timeField().equals("createdAt") && s.endField() == null) {
      return Window.OPENED;
    }
    if (s.timeField().equals("closedAt") && s.endField() == null) {
      return Window.CLOSED;
    }
    if (s.timeField().equals("createdAt") && "closedAt".equals(s.endField())) {
      return Window.ACTIVE;
    }
    return null;
  }

  /**
   * Each query's counts per value of its breakdown ({@code ""}: the total), as the pipelines give
   * them: only values with a count. Active = opened before the period ends minus closed before it
   * starts (a case closed before the start was opened before it, so it is in both sums).
   */
  static Map<String, Map<String, Long>> answer(
      List<TallyQuery> queries, CaseTallies.Counts counts, String agency) {
    String share = agency == null ? "" : "@" + agency + "|";
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (TallyQuery q : queries) {
      Map<String, Long> sums = new HashMap<>();
      switch (window(q.source())) {
        case OPENED -> sums.putAll(counts.openedIn());
        case CLOSED -> sums.putAll(counts.closedIn());
        case ACTIVE -> {
          sums.putAll(counts.openedBeforeEnd());
          counts.closedBeforeStart().forEach((k, n) -> sums.merge(k, -n, Long::sum));
        }
      }
      String prefix = share + (q.groupBy() == null ? "*" : q.groupBy() + "=");
      Map<String, Long> groups = new HashMap<>();
      sums.forEach((key, n) -> {
        if (n == 0) {
          return;
        }
        if (q.groupBy() == null && key.equals(prefix)) {
          groups.put("", n);
        } else if (q.groupBy() != null && key.startsWith(prefix)) {
          groups.put(key.substring(prefix.length()), n);
        }
      });
      out.put(q.name(), groups);
    }
    return out;
  }
}
