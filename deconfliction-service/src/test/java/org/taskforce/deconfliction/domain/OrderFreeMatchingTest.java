package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.Violations;

/**
 * Property: the conflicts and review items a set of registrations raises do not depend on the order
 * they arrive in, and a check from either side of a pair finds it with the same tier, score and
 * reasons. Random registries from small pools of names, dates, phones and addresses (so namesakes,
 * near dates, shared phones and busy addresses are everywhere), several random orders each.
 */
class OrderFreeMatchingTest {
  private static final String[] GIVEN = {
    "José", "Pepe", "Joseph", "Jose Luis", "Juan", "John", "María", "Mary", "Guillermo", "Bill"
  };
  private static final String[] SURNAMES = {
    "García", "Garcia Lopez", "Garsia", "López", "Lopez Garcia", "Chavez", "Chávez Baca"
  };
  private static final BirthDate[] DATES = {
    BirthDate.UNKNOWN,
    new BirthDate(1970, 5, 6),
    new BirthDate(1970, 6, 5),
    new BirthDate(1969, 5, 6),
    new BirthDate(1970, 5, 7),
    new BirthDate(1980, 1, 2),
    new BirthDate(1970, 0, 0)
  };
  private static final String[] PHONES = {"5055550100", "5055550101", "5755550102"};
  private static final String[] STREETS = {"1200 Central Ave SW", "12 Zuni Rd SE"};
  private static final String[] AGENCIES = {"apd", "bcso", "fbi", "nmsp"};

  private final Nicknames nicknames = Nicknames.standard();
  private final TargetMatching matching = new TargetMatching(new PersonMatcher(nicknames));
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());

  private record Registration(String id, String agency, List<NormalizedSelector> selectors) {}

  @Test
  void registeringInAnyOrder_raisesTheSameConflictsAndReviewItems_andChecksAgreeBothWays() {
    for (long seed = 1; seed <= 25; seed++) {
      Random random = new Random(seed);
      List<Registration> registry = registry(random, 20 + random.nextInt(40));
      Map<String, TargetMatch> first = register(registry);
      for (int order = 0; order < 3; order++) {
        List<Registration> shuffled = new ArrayList<>(registry);
        Collections.shuffle(shuffled, random);
        assertThat(register(shuffled)).as("seed %d, order %d", seed, order).isEqualTo(first);
      }
      Map<String, List<IndexEntry>> index = new HashMap<>();
      registry.forEach(r -> index(r, index));
      Map<String, TargetMatch> checked = new HashMap<>();
      for (Registration r : registry) {
        for (TargetMatch m : find(r, index)) {
          TargetMatch other = checked.put(pair(r.id(), m.registrationId()), m);
          if (other != null) {
            assertThat(withoutIds(m))
                .as("seed %d, both directions", seed)
                .isEqualTo(withoutIds(other));
          }
        }
      }
      // Each pair was found from both sides (each put twice) and as registering found it.
      assertThat(checked.keySet()).isEqualTo(first.keySet());
      checked.forEach((p, m) -> assertThat(withoutIds(m)).isEqualTo(withoutIds(first.get(p))));
    }
  }

  private List<Registration> registry(Random random, int size) {
    List<Registration> registry = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<TargetSelector> selectors = new ArrayList<>();
      if (random.nextInt(8) > 0) {
        selectors.add(
            new TargetSelector.Person(
                List.of(pick(random, GIVEN).split(" ")),
                List.of(pick(random, SURNAMES)),
                List.of(),
                pick(random, DATES)));
      }
      if (random.nextBoolean()) {
        selectors.add(new TargetSelector.Phone(pick(random, PHONES), "US"));
      }
      if (selectors.isEmpty() || random.nextBoolean()) {
        selectors.add(
            new TargetSelector.Address(
                new PostalAddress(
                    List.of(pick(random, STREETS)), "Albuquerque", "NM", "87102", "US")));
      }
      List<NormalizedSelector> normalized = new ArrayList<>();
      for (TargetSelector s : selectors) {
        normalized.add(normalizer.normalize(s, "s", new Violations()).orElseThrow());
      }
      registry.add(new Registration("t-" + i, pick(random, AGENCIES), normalized));
    }
    return registry;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** As registering does: index, then match against everything before it. */
  private Map<String, TargetMatch> register(List<Registration> order) {
    Map<String, List<IndexEntry>> index = new HashMap<>();
    Map<String, TargetMatch> found = new LinkedHashMap<>();
    for (Registration r : order) {
      index(r, index);
      for (TargetMatch m : find(r, index)) {
        found.put(pair(r.id(), m.registrationId()), withoutIds(m));
      }
    }
    return new java.util.TreeMap<>(found);
  }

  private void index(Registration r, Map<String, List<IndexEntry>> index) {
    TargetMatching.storedKeys(r.selectors(), nicknames, r.id())
        .forEach((key, payload) ->
            index
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new IndexEntry(r.id(), r.agency(), payload)));
  }

  private List<TargetMatch> find(Registration r, Map<String, List<IndexEntry>> index) {
    return matching.find(
        r.selectors(),
        keys -> {
          Map<String, List<IndexEntry>> found = new HashMap<>();
          keys.forEach(k -> found.put(k, List.copyOf(index.getOrDefault(k, List.of()))));
          return found;
        },
        nicknames,
        e -> !e.agencyId().equals(r.agency()) && !e.registrationId().equals(r.id()));
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a;
  }

  /** What a pair's answer says, whichever side it was asked from. */
  private static TargetMatch withoutIds(TargetMatch m) {
    return new TargetMatch("", "", m.tier(), m.score(), m.reasons(), Set.of(), m.highFrequency());
  }
}
