package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.evaluation.SyntheticPersons;

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
}
