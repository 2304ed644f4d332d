package org.taskforce.cases.reporting.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.taskforce.cases.reporting.domain.Suppression;
import org.taskforce.cases.reporting.domain.VictimPerson;
import org.taskforce.platform.reporting.MeasureRow;

/**
 * The victim measures from de-duplicated persons: confirmed and potential apart, small counts and
 * their complements suppressed ({@link Suppression}). A withheld confirmed (or potential) total
 * withholds every breakdown of it.
 */
final class VictimTables {
  static final List<String> GROUPS = List.of("CONFIRMED", "POTENTIAL");
  private static final Map<String, String> GROUP_LABELS =
      Map.of("CONFIRMED", "Confirmed", "POTENTIAL", "Potential");

  private final List<VictimPerson> persons;
  private final Instant periodStart;
  private final int threshold;
  private final Map<String, Boolean> groupWithheld = new HashMap<>();

  VictimTables(List<VictimPerson> persons, Instant periodStart, int threshold) {
    this.persons = persons;
    this.periodStart = periodStart;
    this.threshold = threshold;
  }

  List<MeasureRow> rows(MeasureDefinition.Victims m) {
    return m.attribute().isEmpty() ? totals(m) : breakdown(m);
  }

  private List<MeasureRow> totals(MeasureDefinition.Victims m) {
    long all = persons.size();
    long[] cells = {count("CONFIRMED"), count("POTENTIAL")};
    boolean allWithheld = Suppression.small(all, threshold);
    boolean[] withheld = Suppression.partition(cells, allWithheld, threshold);
    List<MeasureRow> rows = new ArrayList<>();
    rows.add(row(m, "", "All", all, allWithheld));
    for (int i = 0; i < GROUPS.size(); i++) {
      groupWithheld.put(GROUPS.get(i), withheld[i]);
      rows.add(row(m, GROUPS.get(i), GROUP_LABELS.get(GROUPS.get(i)), cells[i], withheld[i]));
    }
    return rows;
  }

  private List<MeasureRow> breakdown(MeasureDefinition.Victims m) {
    List<MeasureRow> rows = new ArrayList<>();
    for (String group : GROUPS) {
      List<VictimPerson> in =
          persons.stream().filter(p -> p.confirmed() == group.equals("CONFIRMED")).toList();
      Map<String, Long> counts = new HashMap<>();
      for (VictimPerson p : in) {
        for (String value : values(m.attribute(), p)) {
          counts.merge(value, 1L, Long::sum);
        }
      }
      List<String> keys =
          m.dimensions().isEmpty()
              ? new ArrayList<>(new TreeSet<>(counts.keySet()))
              : new ArrayList<>(m.dimensions().keySet());
      long[] cells = keys.stream().mapToLong(k -> counts.getOrDefault(k, 0L)).toArray();
      boolean totalWithheld =
          groupWithheld.getOrDefault(group, Suppression.small(in.size(), threshold));
      boolean[] withheld = new boolean[cells.length];
      if (m.partition()) {
        withheld = Suppression.partition(cells, totalWithheld, threshold);
      } else {
        for (int i = 0; i < cells.length; i++) {
          withheld[i] = totalWithheld || Suppression.small(cells[i], threshold);
        }
      }
      for (int i = 0; i < keys.size(); i++) {
        String label = m.dimensions().getOrDefault(keys.get(i), keys.get(i));
        rows.add(
            row(
                m,
                group + "/" + keys.get(i),
                GROUP_LABELS.get(group) + ": " + label,
                cells[i],
                withheld[i]));
      }
    }
    return rows;
  }

  private List<String> values(String attribute, VictimPerson p) {
    Function<VictimPerson, List<String>> f =
        switch (attribute) {
          case "client_status" -> x -> List.of(x.clientStatus(periodStart));
          case "age" -> x -> List.of(x.age());
          case "citizenship" -> x -> List.of(x.citizenship());
          case "trafficking_type" -> x -> List.of(x.traffickingType());
          case "service" -> x -> List.copyOf(new TreeSet<>(x.services()));
          default -> throw new IllegalStateException("no victim attribute " + attribute);
        };
    return f.apply(p);
  }

  private long count(String group) {
    return persons.stream().filter(p -> p.confirmed() == group.equals("CONFIRMED")).count();
  }

  private MeasureRow row(
      MeasureDefinition.Victims m, String dimension, String label, long value, boolean withheld) {
    MeasureRow r =
        MeasureRow.of(
            m.id(), m.section(), m.label(), dimension, label, value, false, MeasureRow.COUNT);
    return withheld ? r.suppressed(threshold) : r;
  }
}
