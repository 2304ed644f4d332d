package org.taskforce.deconfliction.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Names;
import org.taskforce.deconfliction.domain.Nicknames;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonMatcher;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.TargetMatch;
import org.taskforce.deconfliction.domain.TargetMatching;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.error.Violations;

/**
 * The task force over time: {@link TaskForceData}'s registrations arrive one at a time in random
 * order, each indexed and matched against everything registered before it by other agencies, as
 * {@code TargetRegistrations.create} does (the same keys and scorer); every MATCH is a conflict and
 * every POSSIBLE match a review item. Scored against the truth (two registrations of one person, or
 * of one place, by different agencies), then registered again in another order and asked from both
 * sides of every pair, to count where order or direction changes an answer.
 */
final class RegistrySimulation {
  private final Nicknames nicknames = Nicknames.standard();
  private final TargetMatching matching =
      new TargetMatching(new PersonMatcher(Nicknames.standard()));
  private final SelectorNormalizer normalizer =
      new SelectorNormalizer(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

  /** Counts of a set of found pairs against the truth. */
  static final class Score {
    long truePositives;
    long falsePositives;
    long relevant;
    long relevantFound;

    double precision() {
      long found = truePositives + falsePositives;
      return found == 0 ? 1 : (double) truePositives / found;
    }

    double recall() {
      return relevant == 0 ? 1 : (double) relevantFound / relevant;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "precision %.4f  recall %.4f  (found %d, right %d, wrong %d; %d of %d relevant)",
          precision(),
          recall(),
          truePositives + falsePositives,
          truePositives,
          falsePositives,
          relevantFound,
          relevant);
    }
  }

  record Report(
      int registrations,
      int persons,
      long truePairs,
      Score match,
      Score matchOrPossible,
      Score possible,
      long reviewQueue,
      long falseMatchesOnSharedSelector,
      long hubOnlyMatches,
      long orderDisagreements,
      long directionDisagreements,
      long oneSidedFindings,
      Score checkMatch,
      Score places,
      long placePersonMatches,
      long placePersonPossibles,
      Map<String, Long> falseMatchCauses,
      Map<String, Long> missedCauses) {}

  private final TaskForceData data;
  private final Map<String, TaskForceData.Registration> byId = new HashMap<>();
  private final Map<String, List<NormalizedSelector>> normalized = new HashMap<>();
  private final Map<String, Integer> keyPersons = new HashMap<>();
  private final int showExamples = Integer.getInteger("eval.showMisses", 0);

  RegistrySimulation(TaskForceData data) {
    this.data = data;
    Map<String, Set<Integer>> personsByKey = new HashMap<>();
    for (TaskForceData.Registration r : data.registrations) {
      byId.put(r.id(), r);
      List<NormalizedSelector> n = new ArrayList<>();
      for (TargetSelector s : r.selectors()) {
        Violations v = new Violations();
        n.add(
            normalizer
                .normalize(s, "selector", v)
                .orElseThrow(() -> new IllegalStateException(s + ": " + v.list())));
      }
      normalized.put(r.id(), n);
      if (r.hasPerson()) {
        for (NormalizedSelector s : n) {
          for (String key : s.exactKeys()) {
            personsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(r.person());
          }
        }
      }
    }
    personsByKey.forEach((k, v) -> keyPersons.put(k, v.size()));
  }

  /** An unordered pair of registration ids. */
  record Pair(String a, String b) {
    static Pair of(String x, String y) {
      return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
    }
  }

  Report run(long orderSeed) {
    Map<Pair, Tier> registered = register(data.registrations);
    List<TaskForceData.Registration> other = new ArrayList<>(data.registrations);
    Collections.shuffle(other, new Random(orderSeed));
    Map<Pair, Tier> again = register(other);
    long orderDisagreements = disagreements(registered, again);

    // Checks, after everything is registered: each registration asked by its own agency.
    Map<String, List<IndexEntry>> index = new HashMap<>();
    data.registrations.forEach(r -> index(r, index));
    Map<Pair, Tier> fromA = new HashMap<>();
    Map<Pair, Tier> fromB = new HashMap<>();
    for (TaskForceData.Registration r : data.registrations) {
      for (TargetMatch m : find(r, index)) {
        Pair p = Pair.of(r.id(), m.registrationId());
        (p.a().equals(r.id()) ? fromA : fromB).put(p, m.tier());
      }
    }
    long direction = 0;
    long oneSided = 0;
    Set<Pair> all = new HashSet<>(fromA.keySet());
    all.addAll(fromB.keySet());
    for (Pair p : all) {
      Tier a = fromA.get(p);
      Tier b = fromB.get(p);
      if (a == null || b == null) {
        oneSided++;
      } else if (a != b) {
        direction++;
      }
    }

    // Truth.
    Set<Pair> truePairs = new HashSet<>();
    Set<Pair> placePairs = new HashSet<>();
    Map<Integer, List<TaskForceData.Registration>> byPerson = new HashMap<>();
    Map<Integer, List<TaskForceData.Registration>> byPlace = new HashMap<>();
    for (TaskForceData.Registration r : data.registrations) {
      if (r.hasPerson()) {
        byPerson.computeIfAbsent(r.person(), k -> new ArrayList<>()).add(r);
      } else {
        byPlace.computeIfAbsent(r.place(), k -> new ArrayList<>()).add(r);
      }
    }
    collectPairs(byPerson, truePairs);
    collectPairs(byPlace, placePairs);

    Score match = new Score();
    Score any = new Score();
    Score possible = new Score();
    Score places = new Score();
    long review = 0;
    long onShared = 0;
    long hubOnly = 0;
    long placePersonMatch = 0;
    long placePersonPossible = 0;
    Map<String, Long> falseCauses = new TreeMap<>();
    int shown = 0;
    for (Map.Entry<Pair, Tier> e : registered.entrySet()) {
      TaskForceData.Registration x = byId.get(e.getKey().a());
      TaskForceData.Registration y = byId.get(e.getKey().b());
      if (!x.hasPerson() || !y.hasPerson()) {
        if (x.hasPerson() != y.hasPerson()) {
          if (e.getValue() == Tier.MATCH) {
            placePersonMatch++;
          } else {
            placePersonPossible++;
          }
        } else if (e.getValue() == Tier.MATCH) {
          if (placePairs.contains(e.getKey())) {
            places.truePositives++;
          } else {
            places.falsePositives++;
          }
        }
        continue;
      }
      boolean right = truePairs.contains(e.getKey());
      if (e.getValue() == Tier.MATCH) {
        count(match, right);
        if (!right) {
          boolean shared = sharesHub(x, y);
          if (shared) {
            onShared++;
            if (namesDiffer(x, y)) {
              hubOnly++;
            }
          }
          String cause = cause(x, y, shared);
          falseCauses.merge(cause, 1L, Long::sum);
          if (shown < showExamples) {
            shown++;
            System.out.println(
                "false MATCH [" + cause + "]: " + describe(x) + "\n    vs " + describe(y));
          }
        }
      } else {
        review++;
        count(possible, right);
      }
      count(any, right);
    }
    Map<String, Long> missed = new TreeMap<>();
    for (Pair p : truePairs) {
      TaskForceData.Registration x = byId.get(p.a());
      TaskForceData.Registration y = byId.get(p.b());
      Tier t = registered.get(p);
      any.relevant++;
      if (t != null) {
        any.relevantFound++;
      }
      boolean strong = dueMatch(x, y);
      if (strong) {
        match.relevant++;
        if (t == Tier.MATCH) {
          match.relevantFound++;
        }
      }
      if (t == null || (strong && t != Tier.MATCH)) {
        String cause = (t == null ? "not found: " : "only POSSIBLE: ") + missCause(x, y);
        missed.merge(cause, 1L, Long::sum);
        if (shown < showExamples) {
          shown++;
          System.out.println(cause + ": " + describe(x) + "\n    vs " + describe(y));
        }
      }
    }
    possible.relevant = any.relevant;
    possible.relevantFound = any.relevantFound;
    for (Pair p : placePairs) {
      places.relevant++;
      if (registered.get(p) == Tier.MATCH) {
        places.relevantFound++;
      }
    }
    Score checkMatch = new Score();
    for (Map<Pair, Tier> side : List.of(fromA, fromB)) {
      for (Map.Entry<Pair, Tier> e : side.entrySet()) {
        if (e.getValue() == Tier.MATCH
            && byId.get(e.getKey().a()).hasPerson()
            && byId.get(e.getKey().b()).hasPerson()) {
          count(checkMatch, truePairs.contains(e.getKey()));
        }
      }
    }
    for (Pair p : truePairs) {
      TaskForceData.Registration x = byId.get(p.a());
      TaskForceData.Registration y = byId.get(p.b());
      if (dueMatch(x, y)) {
        for (Map<Pair, Tier> side : List.of(fromA, fromB)) {
          checkMatch.relevant++;
          if (side.get(p) == Tier.MATCH) {
            checkMatch.relevantFound++;
          }
        }
      }
    }
    return new Report(
        data.registrations.size(),
        data.persons.size(),
        truePairs.size(),
        match,
        any,
        possible,
        review,
        onShared,
        hubOnly,
        orderDisagreements,
        direction,
        oneSided,
        checkMatch,
        places,
        placePersonMatch,
        placePersonPossible,
        falseCauses,
        missed);
  }

  private static void count(Score s, boolean right) {
    if (right) {
      s.truePositives++;
    } else {
      s.falsePositives++;
    }
  }

  private static void collectPairs(
      Map<Integer, List<TaskForceData.Registration>> groups, Set<Pair> pairs) {
    for (List<TaskForceData.Registration> g : groups.values()) {
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          if (!g.get(i).agency().equals(g.get(j).agency())) {
            pairs.add(Pair.of(g.get(i).id(), g.get(j).id()));
          }
        }
      }
    }
  }

  /** Registers in the given order; the tier of each pair as the later of the two found it. */
  private Map<Pair, Tier> register(List<TaskForceData.Registration> order) {
    Map<String, List<IndexEntry>> index = new HashMap<>();
    Map<Pair, Tier> tiers = new LinkedHashMap<>();
    for (TaskForceData.Registration r : order) {
      index(r, index);
      for (TargetMatch m : find(r, index)) {
        tiers.put(Pair.of(r.id(), m.registrationId()), m.tier());
      }
    }
    return tiers;
  }

  private void index(TaskForceData.Registration r, Map<String, List<IndexEntry>> index) {
    TargetMatching.storedKeys(normalized.get(r.id()), nicknames, r.id())
        .forEach((key, payload) ->
            index
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new IndexEntry(r.id(), r.agency(), payload)));
  }

  private List<TargetMatch> find(
      TaskForceData.Registration r, Map<String, List<IndexEntry>> index) {
    return matching.find(
        normalized.get(r.id()),
        keys -> {
          Map<String, List<IndexEntry>> found = new HashMap<>();
          for (String key : keys) {
            List<IndexEntry> entries = index.get(key);
            if (entries != null) {
              found.put(key, List.copyOf(entries));
            }
          }
          return found;
        },
        nicknames,
        e -> !e.agencyId().equals(r.agency()) && !e.registrationId().equals(r.id()));
  }

  /**
   * The pairs MATCH recall is measured on: sharing an exact selector, or both with a (complete)
   * date of birth. A year alone is not a date of birth; such pairs count for MATCH-or-POSSIBLE.
   */
  private boolean dueMatch(TaskForceData.Registration x, TaskForceData.Registration y) {
    return sharesExactKey(x, y) || (x.dob().complete() && y.dob().complete());
  }

  private static long disagreements(Map<Pair, Tier> a, Map<Pair, Tier> b) {
    Set<Pair> all = new HashSet<>(a.keySet());
    all.addAll(b.keySet());
    return all.stream().filter(p -> a.get(p) != b.get(p)).count();
  }

  private Set<String> exactKeys(TaskForceData.Registration r) {
    Set<String> keys = new HashSet<>();
    normalized.get(r.id()).forEach(s -> keys.addAll(s.exactKeys()));
    return keys;
  }

  private boolean sharesExactKey(TaskForceData.Registration x, TaskForceData.Registration y) {
    Set<String> keys = exactKeys(x);
    keys.retainAll(exactKeys(y));
    return !keys.isEmpty();
  }

  /** Whether the two share a selector that, in truth, several persons share. */
  private boolean sharesHub(TaskForceData.Registration x, TaskForceData.Registration y) {
    Set<String> keys = exactKeys(x);
    keys.retainAll(exactKeys(y));
    return keys.stream().anyMatch(k -> keyPersons.getOrDefault(k, 0) > 1);
  }

  /** Whether the two persons, as they really are, have different first given names or surnames. */
  private boolean namesDiffer(TaskForceData.Registration x, TaskForceData.Registration y) {
    TaskForceData.Person p = data.persons.get(x.person());
    TaskForceData.Person q = data.persons.get(y.person());
    return !Names.fold(p.given().getFirst()).equals(Names.fold(q.given().getFirst()))
        || !Names.fold(p.surnames().getFirst()).equals(Names.fold(q.surnames().getFirst()));
  }

  private String cause(
      TaskForceData.Registration x, TaskForceData.Registration y, boolean sharedSelector) {
    boolean dobs = x.dob().known() && y.dob().known();
    String names = namesDiffer(x, y) ? "other names" : "namesakes";
    return names
        + (dobs ? ", both with a date of birth" : ", a date of birth missing")
        + (sharedSelector ? ", sharing a hub or household selector" : "");
  }

  private String missCause(TaskForceData.Registration x, TaskForceData.Registration y) {
    TaskForceData.Person p = data.persons.get(x.person());
    String dx = x.dob().toString();
    String dy = y.dob().toString();
    String dob =
        !x.dob().complete() || !y.dob().complete()
            ? "a date of birth missing or partial"
            : dx.equals(dy) ? "same date of birth" : "dates of birth differ";
    return dob + (p.hispanic() ? " (Hispanic names)" : "");
  }

  private String describe(TaskForceData.Registration r) {
    StringBuilder b = new StringBuilder(r.agency() + " ");
    for (NormalizedSelector s : normalized.get(r.id())) {
      b.append(s.person() != null ? s.person().encode() : String.join(",", s.exactKeys()));
      b.append("; ");
    }
    return b.toString();
  }
}
