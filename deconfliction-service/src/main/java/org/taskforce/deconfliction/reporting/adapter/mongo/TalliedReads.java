package org.taskforce.deconfliction.reporting.adapter.mongo;

import static org.taskforce.deconfliction.reporting.adapter.mongo.ReportCountings.scope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.taskforce.deconfliction.reporting.application.DeconflictionMeasures;
import org.taskforce.deconfliction.reporting.application.Measure;
import org.taskforce.deconfliction.reporting.application.ReportStore.CountQuery;
import org.taskforce.deconfliction.reporting.application.Source;
import org.taskforce.platform.mongo.RecordTallies;

/**
 * The report's conflict and operation numbers from the day counts kept as those records are written
 * ({@link ReportCountings} on {@link RecordTallies}): one read of a series' small day documents
 * instead of the records. Answers only what the counts were declared for — the sources and
 * durations of {@link DeconflictionMeasures} as they stand, over whole days or all time — and null
 * for anything else, which the pipelines over the records then answer.
 */
final class TalliedReads {
  private record Family(String series, String what, String groupBy) {}

  private static final Map<Source, Family> COUNTS =
      Map.of(
          DeconflictionMeasures.CONFLICTS,
          new Family(ReportCountings.CONFLICTS, ReportCountings.KIND, "kind"),
          DeconflictionMeasures.ESCALATED,
          new Family(ReportCountings.CONFLICTS, ReportCountings.ESCALATED, "kind"),
          DeconflictionMeasures.OPEN_CONFLICTS,
          new Family(ReportCountings.CONFLICTS, ReportCountings.OPEN, "kind"),
          DeconflictionMeasures.EVENTS,
          new Family(ReportCountings.EVENTS, ReportCountings.TYPE, "type"));

  private static final String WHAT = "conflict and operation counts";

  private final RecordTallies tallies;
  private final ZoneId zone;

  TalliedReads(RecordTallies tallies, ZoneId zone) {
    this.tallies = tallies;
    this.zone = zone;
  }

  /** Whether the day counts answer this count. */
  boolean answers(CountQuery q) {
    Family f = COUNTS.get(q.source());
    return f != null
        && days(q.from(), q.until()) != null
        && Objects.equals(f.groupBy(), q.groupBy());
  }

  /**
   * Counts the day counts {@link #answers}, per value of their breakdown, by key: one read of each
   * series for all its counts.
   */
  Map<String, Map<String, Long>> counts(List<CountQuery> queries, String agency) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    Map<String, List<CountQuery>> bySeries = new LinkedHashMap<>();
    for (CountQuery q : queries) {
      bySeries.computeIfAbsent(COUNTS.get(q.source()).series(), k -> new ArrayList<>()).add(q);
      out.put(q.key(), new HashMap<>());
    }
    tallies.read(
        WHAT,
        () ->
            bySeries.forEach((series, group) ->
                tallies.forEachSlot(
                    series,
                    first(group),
                    last(group),
                    (day, counts) -> {
                      for (CountQuery q : group) {
                        if (within(day, days(q.from(), q.until()))) {
                          add(
                              counts,
                              scope(agency) + "|" + COUNTS.get(q.source()).what() + "|",
                              out.get(q.key()));
                        }
                      }
                    })));
    return out;
  }

  /** The durations in seconds of a measure, or null when the day counts do not answer it. */
  long[] durations(Measure.Durations m, Instant from, Instant until, String agency) {
    String[] days = days(from, until);
    Family f = durationsOf(m);
    if (f == null || days == null || from == null) {
      return null;
    }
    Map<String, Long> histogram = new HashMap<>();
    tallies.read(
        WHAT, () -> histogram.putAll(sum(f.series(), scope(agency) + "|" + f.what() + "|", days)));
    long n = histogram.values().stream().mapToLong(Long::longValue).sum();
    long[] out = new long[Math.toIntExact(n)];
    int i = 0;
    for (var e : histogram.entrySet()) {
      long seconds = Long.parseLong(e.getKey());
      for (long k = 0; k < e.getValue(); k++) {
        out[i++] = seconds;
      }
    }
    return out;
  }

  /** The histograms declared for the two durations of {@link DeconflictionMeasures}. */
  private static Family durationsOf(Measure.Durations m) {
    if (m.source().equals(DeconflictionMeasures.CONFLICTS)
        && "sides".equals(m.unwind())
        && "createTime".equals(m.fromField())
        && "sides.acknowledged.time".equals(m.toField())
        && "sides.agency.id".equals(m.ownField())) {
      return new Family(ReportCountings.ACKS, ReportCountings.ACK, null);
    }
    if (m.source().equals(DeconflictionMeasures.EVENTS)
        && m.unwind() == null
        && "created.time".equals(m.fromField())
        && "start".equals(m.toField())
        && m.ownField() == null) {
      return new Family(ReportCountings.LEADS, ReportCountings.LEAD, null);
    }
    return null;
  }

  /**
   * [first day, day after the last] of a window of whole days in the zone; {null, null} for all
   * time; null for a window the day counts cannot answer.
   */
  private String[] days(Instant from, Instant until) {
    if (from == null && until == null) {
      return new String[] {null, null};
    }
    if (from == null || until == null) {
      return null;
    }
    LocalDate start = from.atZone(zone).toLocalDate();
    LocalDate end = until.atZone(zone).toLocalDate();
    if (!start.atStartOfDay(zone).toInstant().equals(from)
        || !end.atStartOfDay(zone).toInstant().equals(until)) {
      return null;
    }
    return new String[] {start.toString(), end.toString()};
  }

  /** The first day any of the counts reads (null: from the first). */
  private String first(List<CountQuery> group) {
    String first = null;
    for (CountQuery q : group) {
      String from = days(q.from(), q.until())[0];
      if (from == null) {
        return null;
      }
      first = first == null || from.compareTo(first) < 0 ? from : first;
    }
    return first;
  }

  /** The day after the last any of the counts reads (null: to the last). */
  private String last(List<CountQuery> group) {
    String last = null;
    for (CountQuery q : group) {
      String until = days(q.from(), q.until())[1];
      if (until == null) {
        return null;
      }
      last = last == null || until.compareTo(last) > 0 ? until : last;
    }
    return last;
  }

  private static boolean within(String day, String[] days) {
    return (days[0] == null || day.compareTo(days[0]) >= 0)
        && (days[1] == null || day.compareTo(days[1]) < 0);
  }

  /** Adds the counts of the keys starting with {@code prefix}, by the rest of the key. */
  private static void add(Map<String, Long> counts, String prefix, Map<String, Long> into) {
    counts.forEach((key, n) -> {
      if (key.startsWith(prefix) && n != 0) {
        into.merge(key.substring(prefix.length()), n, Long::sum);
      }
    });
  }

  /** Counts of the keys starting with {@code prefix} (by the rest of the key) over the days. */
  private Map<String, Long> sum(String series, String prefix, String[] days) {
    Map<String, Long> out = new HashMap<>();
    tallies.forEachSlot(series, days[0], days[1], (day, counts) -> add(counts, prefix, out));
    return out;
  }
}
