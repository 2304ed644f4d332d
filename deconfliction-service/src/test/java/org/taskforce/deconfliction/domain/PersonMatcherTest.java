package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
      asked.addAll(a.fallbackKeys());
      assertThat(b.storedKeys(Nicknames.standard(), "t-1")).containsAnyElementsOf(asked);
    }
    return s;
  }

  @Test
  void nicknames_englishAndSpanish() {
    assertThat(compare(p("Chuy", "García", 1988, 3, 4), p("Jesús", "Garcia", 1988, 3, 4)))
        .hasValueSatisfying(s -> {
          assertThat(s.tier()).isEqualTo(Tier.MATCH);
          assertThat(s.reasons()).contains("given name is a known nickname of the other");
        });
    assertThat(compare(p("Bill", "Smith", 1970, 1, 2), p("William", "Smith", 1970, 1, 2)))
        .map(Similarity::tier)
        .contains(Tier.MATCH);
    assertThat(compare(p("Lupe", "Archuleta", 1990, 4, 7), p("Guadalupe", "Archuleta", 1990, 4, 7)))
        .map(Similarity::tier)
        .contains(Tier.MATCH);
  }

  @Test
  void spanishDoubleSurnames_particles_andSwappedOrder() {
    assertThat(compare(p("Jesús", "García Ortiz", 1988, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .map(Similarity::tier)
        .contains(Tier.MATCH);
    assertThat(compare(p("María", "de la Cruz", 1975, 6, 1), p("Maria", "Cruz", 1975, 6, 1)))
        .map(Similarity::tier)
        .contains(Tier.MATCH);
    assertThat(compare(p("Garcia", "Jesus", 1988, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .hasValueSatisfying(
            s -> assertThat(s.reasons()).contains("given name and surname in swapped order"));
  }

  @Test
  void typos_andDateOfBirthErrors() {
    assertThat(compare(p("Jesus", "Garsia", 1988, 3, 4), p("Jesus", "Garcia", 1988, 3, 4)))
        .map(Similarity::tier)
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
    assertThat(compare(p("Jesus", "Garcia", 0, 0, 0), p("Jesus", "Garcia", 1988, 3, 4)))
        .map(Similarity::tier)
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
}
