package org.taskforce.deconfliction.benchmark;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Nicknames;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonMatcher;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.TargetMatching;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.evaluation.SyntheticPersons;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.testing.Benchmarks;

/**
 * The service's own work of a check, without a database: the benchmark's registry ({@link
 * DeconflictionBenchmark.Dataset}) indexed in memory, and its person asks graded as a check grades
 * them ({@link TargetMatching#match}), and a name asked alone counted as a crowded name is counted
 * ({@link TargetMatching#fitting}). It prints, per kind of ask, how many index entries a check
 * reads and how long grading them takes, so that a check's latency can be split into the database's
 * part and the service's.
 *
 * <pre>
 * java -Xmx12g -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     -Dbench.persons=1000000 org.taskforce.deconfliction.benchmark.GradingBenchmark
 * </pre>
 */
public final class GradingBenchmark {
  private GradingBenchmark() {}

  public static void main(String[] args) {
    int persons = Integer.getInteger("bench.persons", 1_000_000);
    int asks = Integer.getInteger("bench.asks", 20_000);
    DeconflictionBenchmark.Dataset data = new DeconflictionBenchmark.Dataset(persons, 42);
    Nicknames nicknames = Nicknames.standard();
    SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
    Map<String, List<IndexEntry>> index = new HashMap<>();
    long loadStarted = System.nanoTime();
    for (int i = 0; i < persons; i++) {
      List<NormalizedSelector> selectors = new ArrayList<>();
      for (TargetSelector selector : data.selectors(i)) {
        selectors.add(normalizer.normalize(selector, "s", new Violations()).orElseThrow());
      }
      String id = "t-bulk-" + i;
      String agency = "a" + i % 6;
      TargetMatching.storedKeys(selectors, nicknames, id)
          .forEach((key, payload) ->
              index
                  .computeIfAbsent(key, k -> new ArrayList<>(1))
                  .add(new IndexEntry(id, agency, payload, Disclosure.OPEN)));
    }
    System.out.printf(
        Locale.ROOT,
        "indexed %,d persons in memory in %.0f s (%,d keys)%n",
        persons,
        (System.nanoTime() - loadStarted) / 1e9,
        index.size());

    TargetMatching matching = new TargetMatching(new PersonMatcher(nicknames));
    SyntheticPersons generator = new SyntheticPersons(5);
    Random random = new Random(5);
    List<List<NormalizedSelector>> mix = new ArrayList<>();
    for (int n = 0; n < asks; n++) {
      TargetSelector.Person person =
          random.nextDouble() < 0.5
              ? generator.variant(data.person(random.nextInt(persons))).person()
              : generator.persons(1).getFirst();
      mix.add(List.of(normalizer.normalize(person, "s", new Violations()).orElseThrow()));
    }
    for (int round = 0; round < 3; round++) {
      Map<String, List<long[]>> byKind = new TreeMap<>();
      for (List<NormalizedSelector> ask : mix) {
        Set<String> keys = TargetMatching.lookupKeys(ask, nicknames);
        Map<String, List<IndexEntry>> found = new HashMap<>();
        int entries = 0;
        for (String key : keys) {
          List<IndexEntry> hit = index.get(key);
          if (hit != null) {
            found.put(key, hit);
            entries += hit.size();
          }
        }
        long started = System.nanoTime();
        int matches = matching.match(ask, found, nicknames, e -> true).size();
        long took = System.nanoTime() - started;
        boolean dated = ask.getFirst().person().dob().known();
        String kind = dated ? "with date of birth, graded" : "name only, graded";
        byKind
            .computeIfAbsent(kind, k -> new ArrayList<>())
            .add(new long[] {took, entries, matches});
        if (!dated) {
          // what counting a crowded name costs (NameOnlyBound): its fits, not graded into matches
          started = System.nanoTime();
          int fits = matching.fitting(ask.getFirst(), found, nicknames, e -> true).size();
          took = System.nanoTime() - started;
          byKind
              .computeIfAbsent("name only, counted", k -> new ArrayList<>())
              .add(new long[] {took, entries, fits});
        }
      }
      System.out.printf(Locale.ROOT, "round %d%n", round + 1);
      byKind.forEach((kind, runs) -> {
        Benchmarks.report("  " + kind, runs.stream().mapToLong(r -> r[0]).toArray());
        long[] entries = runs.stream().mapToLong(r -> r[1]).sorted().toArray();
        System.out.printf(
            Locale.ROOT,
            "    index entries read: median %,d, p90 %,d, max %,d%n",
            entries[entries.length / 2],
            entries[entries.length * 9 / 10],
            entries[entries.length - 1]);
      });
    }
  }
}
