package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.evaluation.SyntheticPersons;
import org.taskforce.platform.error.Violations;

/**
 * The check path's shortcuts (remembered token comparisons, dates encoded without a formatter) must
 * give exactly what the plain computation gives, whatever was compared before and in any order.
 */
class MatchingShortcutsTest {
  @Test
  void aComparison_isTheSameFromAFreshMatcherAndFromOneThatComparedThousandsBefore() {
    SyntheticPersons people = new SyntheticPersons(11);
    List<TargetSelector.Person> persons = people.persons(400);
    List<PersonProfile[]> pairs = new ArrayList<>();
    Random random = new Random(5);
    for (TargetSelector.Person p : persons) {
      PersonProfile a = PersonProfile.of(p);
      pairs.add(new PersonProfile[] {a, PersonProfile.of(people.variant(p).person())});
      pairs.add(new PersonProfile[] {a, PersonProfile.of(people.namesake(p))});
      pairs.add(
          new PersonProfile[] {a, PersonProfile.of(persons.get(random.nextInt(persons.size())))});
    }
    Nicknames nicknames = Nicknames.standard();
    List<PersonMatcher.Comparison> fresh = new ArrayList<>();
    int found = 0;
    for (PersonProfile[] pair : pairs) {
      PersonMatcher.Comparison c = new PersonMatcher(nicknames).comparison(pair[0], pair[1]);
      fresh.add(c);
      found += c.similarity().isPresent() ? 1 : 0;
    }
    assertThat(found).as("the pairs exercise matches as well as non-matches").isBetween(300, 1000);

    PersonMatcher shared = new PersonMatcher(nicknames);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      order.add(i);
    }
    for (int round = 0; round < 3; round++) {
      Collections.shuffle(order, random);
      for (int i : order) {
        PersonProfile[] pair = pairs.get(i);
        assertThat(shared.comparison(pair[0], pair[1])).as("pair %d", i).isEqualTo(fresh.get(i));
        assertThat(shared.comparison(pair[1], pair[0]))
            .as("pair %d reversed", i)
            .isEqualTo(fresh.get(i));
      }
    }
  }

  @Test
  void compactDates_areWhatTheFormatterWrites() {
    for (int year : new int[] {0, 1, 9, 10, 99, 100, 999, 1000, 1969, 1970, 2026, 9999}) {
      for (int month = 0; month <= 12; month++) {
        for (int day = 0; day <= 31; day++) {
          assertThat(new BirthDate(year, month, day).compact())
              .isEqualTo(String.format(Locale.ROOT, "%04d%02d%02d", year, month, day));
        }
      }
    }
    assertThat(new BirthDate(12345, 1, 2).compact()).isEqualTo("123450102");
  }

  /**
   * A check grades a candidate by the text its index entry stores, working out the names half of a
   * pair once per distinct stored name and order ({@link AskedPerson}): so the text must read back
   * to itself, and a comparison through one asked person's remembered names must be the plain one,
   * for every person the synthetic registry writes (aliases, particles, partial and missing dates),
   * namesakes that share a name with other dates of birth, and in any order.
   */
  @Test
  void anAskedPersonsRememberedNames_giveThePlainComparison() {
    SyntheticPersons people = new SyntheticPersons(23);
    Nicknames nicknames = Nicknames.standard();
    PersonMatcher matcher = new PersonMatcher(nicknames);
    List<TargetSelector.Person> persons = people.persons(600);
    List<PersonProfile> profiles = new ArrayList<>();
    for (TargetSelector.Person p : persons) {
      PersonProfile profile = PersonProfile.of(p);
      profiles.add(profile);
      profiles.add(PersonProfile.of(people.variant(p).person()));
      profiles.add(PersonProfile.of(people.namesake(p)));
      // the same names with other dates of birth, and none
      profiles.add(new PersonProfile(profile.given(), profile.surnames(), BirthDate.UNKNOWN));
      profiles.add(
          new PersonProfile(profile.given(), profile.surnames(), new BirthDate(1990, 0, 0)));
      profiles.add(
          new PersonProfile(profile.given(), profile.surnames(), new BirthDate(1990, 3, 4)));
    }
    profiles.add(new PersonProfile(List.of(), List.of("GARCIA"), BirthDate.UNKNOWN));
    profiles.add(new PersonProfile(List.of("ANA", "MARIA"), List.of(), new BirthDate(1990, 0, 0)));
    for (PersonProfile profile : profiles) {
      String text = profile.encode();
      assertThat(PersonProfile.decode(text).encode()).as(text).isEqualTo(text);
    }
    Random random = new Random(3);
    int similar = 0;
    for (int i = 0; i < profiles.size(); i += 6) {
      PersonProfile asked = profiles.get(i);
      AskedPerson remembering = new AskedPerson(matcher, asked);
      // its own family (the same names with other dates) and others, in a random order
      List<PersonProfile> stored =
          new ArrayList<>(profiles.subList(i, Math.min(i + 6, profiles.size())));
      for (int n = 0; n < 54; n++) {
        stored.add(profiles.get(random.nextInt(profiles.size())));
      }
      Collections.shuffle(stored, random);
      for (PersonProfile other : stored) {
        PersonMatcher.Comparison plain = matcher.comparison(asked, other);
        similar += plain.similarity().isPresent() ? 1 : 0;
        assertThat(remembering.against(other.encode(), true))
            .as(asked + " / " + other)
            .isEqualTo(plain)
            .isEqualTo(matcher.comparison(other, asked));
        assertThat(remembering.against(other.encode(), false).similarity())
            .as(asked + " / " + other + ", names not wanted")
            .isEqualTo(plain.similarity());
      }
    }
    assertThat(similar)
        .as("the pairs exercise matches as well as non-matches")
        .isBetween(300, 5000);
  }

  /**
   * Counting a crowded name takes the registrations a person asked alone fits without grading them
   * into matches ({@link TargetMatching#fitting}): they must be exactly those {@link
   * TargetMatching#match} finds, for names asked with and without a date of birth, among namesakes,
   * variants, registrations of two persons and registrations the asker may not match.
   */
  @Test
  void aPersonsFits_areTheRegistrationsMatchFinds() {
    SyntheticPersons people = new SyntheticPersons(31);
    Nicknames nicknames = Nicknames.standard();
    SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
    TargetMatching matching = new TargetMatching(new PersonMatcher(nicknames));
    List<TargetSelector.Person> persons = people.persons(1500);
    Map<String, List<IndexEntry>> index = new HashMap<>();
    for (int i = 0; i < persons.size(); i++) {
      TargetSelector.Person person = persons.get(i);
      List<TargetSelector> selectors = new ArrayList<>(List.of(person));
      if (i % 7 == 0) {
        selectors.add(people.namesake(person)); // a second person in the registration
      }
      register(index, "r" + i, "a" + i % 4, selectors, normalizer, nicknames);
      TargetSelector.Person undated =
          new TargetSelector.Person(
              person.givenNames(), person.surnames(), person.aliases(), BirthDate.UNKNOWN);
      register(index, "u" + i, "a" + i % 3, List.of(undated), normalizer, nicknames);
      register(index, "n" + i, "a1", List.of(people.namesake(person)), normalizer, nicknames);
    }
    // a registration of two persons: the first is found under the ask's first key and does not
    // fit ("José Antonio" is not "José Luis"), the second under a later key and fits
    register(
        index,
        "two",
        "a1",
        List.of(
            new TargetSelector.Person(
                List.of("José", "Antonio"), List.of("García"), List.of(), BirthDate.UNKNOWN),
            new TargetSelector.Person(
                List.of("Luis"), List.of("García"), List.of(), BirthDate.UNKNOWN)),
        normalizer,
        nicknames);
    List<TargetSelector.Person> asks = new ArrayList<>();
    asks.add(
        new TargetSelector.Person(
            List.of("José", "Luis"), List.of("García"), List.of(), BirthDate.UNKNOWN));
    Random random = new Random(8);
    for (int n = 0; n < 400; n++) {
      TargetSelector.Person person = persons.get(random.nextInt(persons.size()));
      asks.add(
          switch (n % 3) {
            case 0 -> people.variant(person).person();
            case 1 ->
                new TargetSelector.Person(
                    person.givenNames(), person.surnames(), person.aliases(), BirthDate.UNKNOWN);
            default -> people.namesake(person);
          });
    }
    int fits = 0;
    int crowded = 0;
    for (TargetSelector.Person asked : asks) {
      NormalizedSelector selector =
          normalizer.normalize(asked, "s", new Violations()).orElseThrow();
      Map<String, List<IndexEntry>> found = new HashMap<>();
      for (String key : TargetMatching.lookupKeys(List.of(selector), nicknames)) {
        found.put(key, index.getOrDefault(key, List.of()));
      }
      Predicate<IndexEntry> candidate = e -> !e.agencyId().equals("a0");
      Set<String> matched = new HashSet<>();
      matching
          .match(List.of(selector), found, nicknames, candidate)
          .forEach(m -> matched.add(m.registrationId()));
      assertThat(matching.fitting(selector, found, nicknames, candidate))
          .as("%s", asked)
          .isEqualTo(matched);
      if (asked == asks.getFirst()) {
        assertThat(matched).as("the two-person registration fits by its second").contains("two");
      }
      fits += matched.size();
      crowded += matched.size() >= 10 ? 1 : 0;
    }
    assertThat(fits).as("the asks find matches").isGreaterThan(800);
    assertThat(crowded).as("some names are shared by many").isPositive();
  }

  private static void register(
      Map<String, List<IndexEntry>> index,
      String id,
      String agency,
      List<TargetSelector> selectors,
      SelectorNormalizer normalizer,
      Nicknames nicknames) {
    List<NormalizedSelector> normalized = new ArrayList<>();
    for (TargetSelector selector : selectors) {
      normalized.add(normalizer.normalize(selector, "s", new Violations()).orElseThrow());
    }
    TargetMatching.storedKeys(normalized, nicknames, id)
        .forEach((key, payload) ->
            index
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new IndexEntry(id, agency, payload, Disclosure.OPEN)));
  }
}
