package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonMatcherTest {
  private final PersonMatcher matcher = new PersonMatcher(Nicknames.standard());

  private static PersonProfile p(String given, String surnames, int y, int m, int d) {
    return PersonProfile.of(
        new TargetSelector.Person(
            List.of(given.split(",")), List.of(surnames), List.of(), new BirthDate(y, m, d)));
  }

  private Optional<Similarity> compare(PersonProfile a, PersonProfile b) {
    Optional<Similarity> s = matcher.compare(a, b);
    if (s.isPresent()) {
      // Symmetric, and the index finds the pair from either side.
      assertThat(matcher.compare(b, a).map(Similarity::tier)).contains(s.get().tier());
      java.util.Set<String> asked = new java.util.HashSet<>(a.queryKeys(Nicknames.standard()));

      assertThat(b.storedKeys(Nicknames.standard(), "t-1")).containsAnyElementsOf(asked);
    }
    return s;
  }

  private Optional<Tier> tierOf(PersonProfile a, PersonProfile b) {
    return compare(a, b).map(Similarity::tier);
  }

  @Test
  void nicknames_englishAndSpanish() {
    assertThat(compare(p("Chuy", "García", 1988, 3, 4), p("Jesús", "Garcia", 1988, 3, 4)))
        .hasValueSatisfying(s -> {
          assertThat(s.tier()).isEqualTo(Tier.MATCH);
          assertThat(s.reasons())
              .contains("given name is a known nickname or other-language form of the other");
        });
    assertThat(tierOf(p("Bill", "Smith", 1970, 1, 2), p("William", "Smith", 1970, 1, 2)))
        .contains(Tier.MATCH);
    assertThat(tierOf(p("Lupe", "Archuleta", 1990, 4, 7), p("Guadalupe", "Archuleta", 1990, 4, 7)))
        .contains(Tier.MATCH);
  }

  @Test
  void spanishDoubleSurnames_particles_andSwappedOrder() {
    assertThat(tierOf(p("Jesús", "García Ortiz", 1988, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .contains(Tier.MATCH);
    assertThat(tierOf(p("María", "de la Cruz", 1975, 6, 1), p("Maria", "Cruz", 1975, 6, 1)))
        .contains(Tier.MATCH);
    assertThat(compare(p("Garcia", "Jesus", 1988, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .hasValueSatisfying(
            s -> assertThat(s.reasons()).contains("given name and surname in swapped order"));
  }

  @Test
  void typos_andDateOfBirthErrors() {
    assertThat(tierOf(p("Jesus", "Garsia", 1988, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .contains(Tier.MATCH);
    assertThat(compare(p("Jesus", "Garcia", 1988, 4, 3), p("Jesus", "Garcia", 1988, 3, 4)))
        .hasValueSatisfying(
            s -> assertThat(s.reasons()).contains("date of birth with day and month swapped"));
    assertThat(compare(p("Jesus", "Garcia", 1989, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .hasValueSatisfying(
            s -> assertThat(s.reasons()).contains("date of birth differs in one digit"));
  }

  @Test
  void missingDateOfBirth_isAtMostPossible() {
    assertThat(tierOf(p("Jesus", "Garcia", 0, 0, 0), p("Jesus", "Garcia", 1988, 3, 4)))
        .contains(Tier.POSSIBLE);
  }

  @Test
  void missingDateOfBirth_namesThatDisagree_areNotMatched() {
    // With no date of birth to go by, another second surname or middle name means another person.
    assertThat(compare(p("José", "García López", 0, 0, 0), p("José", "García Ortiz", 1988, 3, 4)))
        .isEmpty();
    assertThat(compare(p("José,Luis", "García", 0, 0, 0), p("José,Antonio", "García", 1988, 3, 4)))
        .isEmpty();
    // A name left out on one side is no disagreement, but not every name has its counterpart.
    assertThat(compare(p("José", "García", 0, 0, 0), p("José", "García López", 1988, 3, 4)))
        .hasValueSatisfying(s -> {
          assertThat(s.tier()).isEqualTo(Tier.POSSIBLE);
          assertThat(s.namesOnly()).isTrue();
          assertThat(s.everyName()).isFalse();
        });
    assertThat(compare(p("Pepe", "Garsia Lopez", 0, 0, 0), p("José", "García López", 1988, 3, 4)))
        .hasValueSatisfying(s -> assertThat(s.everyName()).isTrue());
    // With a date of birth the names need not agree throughout.
    assertThat(
            compare(p("José", "García López", 1988, 3, 4), p("José", "García Ortiz", 1988, 3, 4)))
        .hasValueSatisfying(s -> {
          assertThat(s.tier()).isEqualTo(Tier.MATCH);
          assertThat(s.namesOnly()).isFalse();
        });
  }

  @Test
  void namesakesWithAnotherDateOfBirth_areNotMatched() {
    assertThat(compare(p("Jesus", "Garcia", 1972, 11, 20), p("Jesus", "Garcia", 1988, 3, 4)))
        .isEmpty();
    assertThat(compare(p("Maria", "Lopez", 1988, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "Guillermo, William", "Enrique, Henry", "José, Joseph", "Juan, John", "Pepe, Joe",
    "Memo, Bill", "Esteban, Steven", "María, Mary", "Isabel, Elizabeth", "Jorge, George",
    "Pedro, Peter"
  })
  void givenNamesAcrossLanguages_withIdenticalDateOfBirth_areAMatch(String one, String other) {
    assertThat(tierOf(p(one, "Baca", 1971, 6, 9), p(other, "Baca", 1971, 6, 9)))
        .contains(Tier.MATCH);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "Jessica, Jess",
    "Alberto, Al",
    "Eduardo, Eddie",
    "Lorenzo, Enzo",
    "Kimberly, Kim",
    "Melissa, Missy",
    "Zachary, Zack"
  })
  void shortForms_withIdenticalDateOfBirth_areAMatch(String full, String shortForm) {
    assertThat(tierOf(p(full, "Trujillo", 1984, 2, 17), p(shortForm, "Trujillo", 1984, 2, 17)))
        .contains(Tier.MATCH);
  }

  @Test
  void datesOfBirthPeopleGetWrong_withStrongNames_areAMatch() {
    // A year off by one across a decade changes two digits.
    assertThat(compare(p("Jesus", "Garcia", 1969, 5, 20), p("Jesus", "Garcia", 1970, 5, 20)))
        .hasValueSatisfying(s -> {
          assertThat(s.tier()).isEqualTo(Tier.MATCH);
          assertThat(s.reasons()).contains("date of birth with the year off by one");
        });
    assertThat(tierOf(p("Jesus", "Garcia", 1988, 3, 4), p("Jesus", "Garcia", 1989, 3, 4)))
        .contains(Tier.MATCH);
    assertThat(tierOf(p("Jesus", "Garcia", 1988, 3, 4), p("Jesus", "Garcia", 1988, 4, 3)))
        .contains(Tier.MATCH);
    // Two years apart is another person.
    assertThat(compare(p("Jesus", "Garcia", 1968, 5, 20), p("Jesus", "Garcia", 1970, 5, 20)))
        .isEmpty();
  }

  @Test
  void theComparison_isTheSameWhicheverSideAsks() {
    java.util.Random random = new java.util.Random(17);
    String[] given = {"José", "Pepe", "Joseph", "Jose Luis", "Juan", "John", "Bill", "Guillermo"};
    String[] surnames = {"García", "Garcia Lopez", "Garsia", "López", "Lopez Garcia", "Garza"};
    for (int i = 0; i < 2_000; i++) {
      PersonProfile a = randomProfile(random, given, surnames);
      PersonProfile b = randomProfile(random, given, surnames);
      assertThat(matcher.comparison(a, b)).as(a + " / " + b).isEqualTo(matcher.comparison(b, a));
    }
  }

  private static PersonProfile randomProfile(
      java.util.Random random, String[] given, String[] surnames) {
    int[][] dates = {{0, 0, 0}, {1970, 5, 20}, {1969, 5, 20}, {1970, 20, 5}, {1970, 5, 21}};
    int[] d = dates[random.nextInt(dates.length)];
    String g = given[random.nextInt(given.length)];
    String s = surnames[random.nextInt(surnames.length)];
    return random.nextInt(10) == 0
        ? p(s.split(" ")[0], g, d[0], d[1] > 12 ? d[2] : d[1], d[1] > 12 ? d[1] : d[2])
        : p(g.replace(' ', ','), s, d[0], d[1] > 12 ? d[2] : d[1], d[1] > 12 ? d[1] : d[2]);
  }
}
