package org.taskforce.deconfliction.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Nicknames;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonMatcher;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.SelectorType;
import org.taskforce.deconfliction.domain.TargetMatch;
import org.taskforce.deconfliction.domain.TargetMatching;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.error.Violations;

/**
 * The matching-quality evaluation: registers synthetic persons and other selectors for one agency,
 * asks with variants (true pairs) and namesakes (hard negatives) as another, and counts what the
 * production matching code ({@link TargetMatching}, the same blocking keys and scorer the service
 * uses) finds. Events are checked against a brute-force comparison of every pair.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl deconfliction-service
 * exec:java@matching-evaluation [-Deval.persons=10000 -Deval.seed=7]}
 */
public final class MatchingEvaluation {
  private final int persons;
  private final long seed;
  private final Nicknames nicknames = Nicknames.standard();
  private final SelectorNormalizer normalizer =
      new SelectorNormalizer(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
  private final TargetMatching matching =
      new TargetMatching(new PersonMatcher(Nicknames.standard()));

  public MatchingEvaluation(int persons, long seed) {
    this.persons = persons;
    this.seed = seed;
  }

  /** Counts for one tier or selector type; cumulative tiers (MATCH ⊂ MATCH+POSSIBLE). */
  public static final class Counts {
    long truePositives;
    long falsePositives;
    long falseNegatives;

    public double precision() {
      long found = truePositives + falsePositives;
      return found == 0 ? 1 : (double) truePositives / found;
    }

    public double recall() {
      long relevant = truePositives + falseNegatives;
      return relevant == 0 ? 1 : (double) truePositives / relevant;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "precision %.4f  recall %.4f  (tp %d, fp %d, fn %d)",
          precision(),
          recall(),
          truePositives,
          falsePositives,
          falseNegatives);
    }
  }

  /** The figures the evaluation prints. */
  public record Report(
      Counts personMatch,
      Counts personMatchWithBirthDate,
      Counts personAtLeastPossibleWithBirthDate,
      Counts personAtLeastPossible,
      Map<SyntheticPersons.Variation, Counts> personByVariation,
      Map<SelectorType, Counts> exactByType,
      Counts events,
      int personQueries,
      int namesakeQueries,
      Map<String, Long> falsePositiveCauses,
      long flaggedFalsePositives,
      Ceiling ceiling) {}

  /**
   * What no matcher can do better than on this data set. An ask without a date of birth whose
   * person shares every name with other registered persons (namesakes that differ only in the date
   * of birth) cannot tell the true registration from them: a matcher that does not guess returns
   * them all or none. Everything else is assumed perfect, so these are upper bounds.
   *
   * @param ambiguousAsks asks without a date of birth whose person has registered namesakes
   * @param matchRecall the highest MATCH recall with MATCH precision still ≥ 0.99
   * @param possiblePrecision the highest MATCH-or-POSSIBLE precision with its recall ≥ 0.995
   */
  public record Ceiling(int ambiguousAsks, double matchRecall, double possiblePrecision) {

    /**
     * @param variantAsks asks naming a registered person
     * @param namesakes per ambiguous ask, how many registered namesakes come along with the truth
     */
    static Ceiling of(int variantAsks, List<Integer> namesakes) {
      List<Integer> cheapestFirst = namesakes.stream().sorted().toList();
      long found = variantAsks - cheapestFirst.size();
      long wrong = 0;
      for (int k : cheapestFirst) {
        if ((double) (found + 1) / (found + 1 + wrong + k) < 0.99) {
          break;
        }
        found++;
        wrong += k;
      }
      double matchRecall = (double) found / variantAsks;
      found = variantAsks - cheapestFirst.size();
      wrong = 0;
      long needed = (long) Math.ceil(0.995 * variantAsks);
      for (int k : cheapestFirst) {
        if (found >= needed) {
          break;
        }
        found++;
        wrong += k;
      }
      return new Ceiling(
          cheapestFirst.size(), matchRecall, found == 0 ? 1 : (double) found / (found + wrong));
    }
  }

  /** Prints up to this many asks whose true registration was not found (development aid). */
  private static final int SHOW_MISSES = Integer.getInteger("eval.showMisses", 0);

  /** 0: misses at MATCH tier; 1: misses at MATCH or POSSIBLE. */
  private static final int SHOW_TIER = Integer.getInteger("eval.showTier", 1);

  private int shownMisses;

  public Report run() {
    SyntheticPersons generator = new SyntheticPersons(seed);
    List<TargetSelector.Person> stored = generator.persons(persons);
    Map<String, List<IndexEntry>> index = new HashMap<>();
    Map<String, Integer> sameNames = new HashMap<>();
    for (int i = 0; i < stored.size(); i++) {
      register("p" + i, List.of(stored.get(i)), index);
      sameNames.merge(names(stored.get(i)), 1, Integer::sum);
    }
    List<Integer> ambiguousNamesakes = new ArrayList<>();
    Counts match = new Counts();
    Counts possible = new Counts();
    Counts matchWithDob = new Counts();
    Counts possibleWithDob = new Counts();
    Map<SyntheticPersons.Variation, Counts> byVariation =
        new EnumMap<>(SyntheticPersons.Variation.class);
    int variantQueries = 0;
    int namesakeQueries = 0;
    Random random = generator.random();
    for (int i = 0; i < stored.size(); i++) {
      TargetSelector.Person original = stored.get(i);
      if (random.nextDouble() < 0.7) {
        SyntheticPersons.Variant variant = generator.variant(original);
        List<TargetMatch> hits = ask(variant.person(), index);
        score(hits, "p" + i, match, possible);
        if (variant.person().dateOfBirth().known()) {
          scoreOnly(hits, "p" + i, matchWithDob, possibleWithDob);
        } else if (sameNames.get(names(original)) > 1) {
          ambiguousNamesakes.add(sameNames.get(names(original)) - 1);
        }
        String truth = "p" + i;
        if (SHOW_MISSES > shownMisses
            && hits.stream()
                .noneMatch(
                    h -> h.registrationId().equals(truth) && h.tier().ordinal() <= SHOW_TIER)) {
          shownMisses++;
          System.out.println(
              "missed: "
                  + original
                  + "\n    as "
                  + variant.person()
                  + " "
                  + variant.variations()
                  + "\n    got "
                  + hits.stream().filter(h -> h.registrationId().equals(truth)).toList());
        }
        for (SyntheticPersons.Variation v : variant.variations()) {
          scoreOnly(hits, "p" + i, new Counts(), byVariation.computeIfAbsent(v, k -> new Counts()));
        }
        variantQueries++;
      } else {
        List<TargetMatch> hits = ask(generator.namesake(original), index);
        score(hits, null, match, possible);
        scoreOnly(hits, null, matchWithDob, possibleWithDob);
        namesakeQueries++;
      }
    }
    return new Report(
        match,
        matchWithDob,
        possibleWithDob,
        possible,
        byVariation,
        exactSelectors(new Random(seed + 1)),
        events(new Random(seed + 2)),
        variantQueries,
        namesakeQueries,
        Map.copyOf(falsePositiveCauses),
        flaggedFalsePositives,
        Ceiling.of(variantQueries, ambiguousNamesakes));
  }

  private static String names(TargetSelector.Person p) {
    return (String.join(" ", p.givenNames()) + "/" + String.join(" ", p.surnames()))
        .toUpperCase(Locale.ROOT);
  }

  /** Flagged (ambiguous or high-frequency) hits among the false positives, for the report. */
  private long flaggedFalsePositives;

  private void register(
      String id, List<TargetSelector> selectors, Map<String, List<IndexEntry>> index) {
    List<NormalizedSelector> normalized = normalize(selectors);
    TargetMatching.storedKeys(normalized, nicknames, id)
        .forEach((key, payload) ->
            index
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new IndexEntry(id, "agency-a", payload)));
  }

  private List<TargetMatch> ask(TargetSelector selector, Map<String, List<IndexEntry>> index) {
    List<NormalizedSelector> normalized = normalize(List.of(selector));
    return matching.find(
        normalized,
        keys -> {
          Map<String, List<IndexEntry>> found = new HashMap<>();
          for (String key : keys) {
            List<IndexEntry> entries = index.get(key);
            if (entries != null) {
              found.put(key, entries);
            }
          }
          return found;
        },
        nicknames,
        e -> !e.agencyId().equals("agency-b"));
  }

  private List<NormalizedSelector> normalize(List<? extends TargetSelector> selectors) {
    List<NormalizedSelector> out = new ArrayList<>();
    for (TargetSelector s : selectors) {
      Violations violations = new Violations();
      out.add(
          normalizer
              .normalize(s, "selector", violations)
              .orElseThrow(() -> new IllegalStateException(s + ": " + violations.list())));
    }
    return out;
  }

  /**
   * False positives at MATCH or POSSIBLE by the date-of-birth reason: where the noise comes from.
   */
  private final Map<String, Long> falsePositiveCauses = new java.util.TreeMap<>();

  private void score(List<TargetMatch> hits, String truth, Counts match, Counts possible) {
    for (TargetMatch hit : hits) {
      if (!hit.registrationId().equals(truth) && hit.highFrequency()) {
        flaggedFalsePositives++;
      }
      if (!hit.registrationId().equals(truth)) {
        falsePositiveCauses.merge(
            hit.tier() + ": " + hit.reasons().getLast().replaceAll("\\d+", "N"), 1L, Long::sum);
      }
    }
    scoreOnly(hits, truth, match, possible);
  }

  private static void scoreOnly(
      List<TargetMatch> hits, String truth, Counts match, Counts possible) {
    boolean foundMatch = false;
    boolean foundPossible = false;
    for (TargetMatch hit : hits) {
      boolean right = hit.registrationId().equals(truth);
      if (hit.tier() == Tier.MATCH) {
        if (right) {
          foundMatch = true;
        } else {
          match.falsePositives++;
        }
      }
      if (right) {
        foundPossible = true;
      } else {
        possible.falsePositives++;
      }
    }
    if (truth != null) {
      if (foundMatch) {
        match.truePositives++;
      } else {
        match.falseNegatives++;
      }
      if (foundPossible) {
        possible.truePositives++;
      } else {
        possible.falseNegatives++;
      }
    }
  }

  /** Every exact selector type, registered in one format and asked in others. */
  Map<SelectorType, Counts> exactSelectors(Random random) {
    Map<SelectorType, Counts> byType = new EnumMap<>(SelectorType.class);
    ExactSelectors generator = new ExactSelectors(random);
    int n = Math.max(500, persons / 10);
    Map<String, List<IndexEntry>> index = new HashMap<>();
    List<ExactSelectors.Pair> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (ExactSelectors.Pair pair : generator.pairs()) {
        String id = "x" + pairs.size();
        register(id, List.of(pair.registered()), index);
        pairs.add(pair);
      }
    }
    for (int i = 0; i < pairs.size(); i++) {
      ExactSelectors.Pair pair = pairs.get(i);
      Counts counts = byType.computeIfAbsent(pair.registered().type(), k -> new Counts());
      Counts ignored = new Counts();
      scoreOnly(ask(pair.asked(), index), "x" + i, counts, ignored);
      scoreOnly(ask(pair.unrelated(), index), null, counts, ignored);
    }
    return byType;
  }

  /** Event conflicts found through the cell index against a brute-force check of every pair. */
  static Counts events(Random random) {
    EventRules rules = EventRules.DEFAULTS;
    int n = 4_000;
    Instant base = Instant.parse("2026-12-01T00:00:00Z");
    List<EventPlan> plans = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Albuquerque metro, two weeks: dense enough for many conflicts and near misses.
      double lat = 35.0 + random.nextDouble() * 0.25;
      double lon = -106.75 + random.nextDouble() * 0.3;
      double radius = 50 + random.nextDouble() * (random.nextDouble() < 0.05 ? 4_950 : 600);
      Instant start = base.plusSeconds(random.nextInt(14 * 86_400));
      Instant end =
          start.plus(
              Duration.ofMinutes(30 + random.nextInt(random.nextDouble() < 0.1 ? 4_000 : 300)));
      plans.add(new EventPlan(lat, lon, radius, start, end));
    }
    Map<String, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String key : rules.cellKeys(plans.get(i))) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    Counts counts = new Counts();
    for (int i = 0; i < n; i++) {
      Set<Integer> viaIndex = new TreeSet<>();
      for (String key : rules.cellKeys(plans.get(i))) {
        for (int j : index.getOrDefault(key, List.of())) {
          if (j != i && rules.overlap(plans.get(i), plans.get(j)).isPresent()) {
            viaIndex.add(j);
          }
        }
      }
      Set<Integer> bruteForce = new TreeSet<>();
      for (int j = 0; j < n; j++) {
        if (j != i && rules.overlap(plans.get(i), plans.get(j)).isPresent()) {
          bruteForce.add(j);
        }
      }
      for (int j : viaIndex) {
        if (bruteForce.contains(j)) {
          counts.truePositives++;
        } else {
          counts.falsePositives++;
        }
      }
      for (int j : bruteForce) {
        if (!viaIndex.contains(j)) {
          counts.falseNegatives++;
        }
      }
    }
    return counts;
  }

  /** The task force over time (see {@link RegistrySimulation}): the figures the targets hold. */
  static RegistrySimulation.Report registry(int people, long seed) {
    return new RegistrySimulation(new TaskForceData(seed, people)).run(seed + 1);
  }

  static void print(RegistrySimulation.Report r) {
    System.out.printf(
        "Task force over time: %d persons, %d registrations from %d agencies in random order,"
            + " %d true cross-agency pairs%n",
        r.persons(), r.registrations(), TaskForceData.AGENCIES.length, r.truePairs());
    System.out.println("  conflicts (MATCH)            : " + r.match());
    System.out.println(
        "    recall over pairs sharing an exact selector or both with a date of birth");
    System.out.println("  conflicts + review queue     : " + r.matchOrPossible());
    System.out.println("  review queue (POSSIBLE)      : " + r.possible());
    System.out.println("  review items                 : " + r.reviewQueue());
    System.out.println(
        "  false MATCHes sharing a hub or household selector: "
            + r.falseMatchesOnSharedSelector()
            + " (names differ too: "
            + r.hubOnlyMatches()
            + ")");
    System.out.println(
        "  pairs whose tier changes with the arrival order: " + r.orderDisagreements());
    System.out.println(
        "  checks: pairs whose tier differs by who asks: "
            + r.directionDisagreements()
            + ", found from one side only: "
            + r.oneSidedFindings());
    System.out.println("  checks (both directions), MATCH: " + r.checkMatch());
    System.out.println("  places registered by several agencies, MATCH: " + r.places());
    System.out.println(
        "  a place and a person at its address: "
            + r.placePersonMatches()
            + " MATCH, "
            + r.placePersonPossibles()
            + " POSSIBLE");
    System.out.println("  false MATCHes by cause:");
    r.falseMatchCauses().forEach((k, v) -> System.out.printf("    %-70s %d%n", k, v));
    System.out.println("  true pairs missed (or only POSSIBLE where MATCH is due) by cause:");
    r.missedCauses().forEach((k, v) -> System.out.printf("    %-70s %d%n", k, v));
  }

  public static void main(String[] args) {
    int persons = Integer.getInteger("eval.persons", 10_000);
    long seed = Long.getLong("eval.seed", 7);
    long started = System.nanoTime();
    print(registry(Integer.getInteger("eval.people", 3_750), seed));
    if (Boolean.getBoolean("eval.registryOnly")) {
      return;
    }
    Report r = new MatchingEvaluation(persons, seed).run();
    System.out.printf(
        "Matching-quality evaluation: %d registered persons, %d variant asks, %d namesake asks (seed %d)%n",
        persons, r.personQueries(), r.namesakeQueries(), seed);
    System.out.println("persons, MATCH tier          : " + r.personMatch());
    System.out.println("persons, MATCH or POSSIBLE   : " + r.personAtLeastPossible());
    System.out.println(
        "asks with a date of birth (all but DOB_MISSING variants; namesakes included):");
    System.out.println("  MATCH tier                 : " + r.personMatchWithBirthDate());
    System.out.println("  MATCH or POSSIBLE          : " + r.personAtLeastPossibleWithBirthDate());
    System.out.printf(
        Locale.ROOT,
        "the data's ceiling: %d asks without a date of birth name a person who shares every name"
            + " with other registered persons;%n  no matcher that does not guess between them"
            + " exceeds MATCH recall %.4f at precision 0.99,%n  or MATCH-or-POSSIBLE precision"
            + " %.4f at recall 0.995%n",
        r.ceiling().ambiguousAsks(),
        r.ceiling().matchRecall(),
        r.ceiling().possiblePrecision());
    System.out.println("recall (MATCH or POSSIBLE) per variation:");
    Map<String, Counts> sorted = new LinkedHashMap<>();
    r.personByVariation().forEach((k, v) -> sorted.put(k.name(), v));
    sorted.forEach((k, v) ->
        System.out.printf(
            "  %-20s recall %.4f (%d asks)%n", k, v.recall(), v.truePositives + v.falseNegatives));
    System.out.println(
        "person false positives by tier and last reason ("
            + r.flaggedFalsePositives()
            + " of them flagged as ambiguous or high-frequency):");
    new java.util.TreeMap<>(r.falsePositiveCauses())
        .forEach((k, v) -> System.out.printf("  %-60s %d%n", k, v));
    System.out.println("exact selectors across format variants (MATCH tier):");
    r.exactByType().forEach((k, v) -> System.out.printf("  %-15s %s%n", k, v));
    System.out.println("event conflicts vs brute force: " + r.events());
    System.out.printf("took %.1f s%n", (System.nanoTime() - started) / 1e9);
  }
}
