package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.Violations;

/** Persons asked or registered without a date of birth: when names alone make a MATCH. */
class TargetMatchingTest {
  private final Nicknames nicknames = Nicknames.standard();
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
  private final TargetMatching matching =
      new TargetMatching(new PersonMatcher(Nicknames.standard()), 25);
  private final Map<String, List<IndexEntry>> index = new HashMap<>();

  private static TargetSelector.Person person(String given, String surnames, BirthDate dob) {
    return new TargetSelector.Person(List.of(given.split(",")), List.of(surnames), List.of(), dob);
  }

  private NormalizedSelector normalized(TargetSelector selector) {
    Violations violations = new Violations();
    return normalizer.normalize(selector, "selector", violations).orElseThrow();
  }

  private void register(String id, TargetSelector.Person person) {
    TargetMatching.storedKeys(List.of(normalized(person)), nicknames, id)
        .forEach((key, payload) ->
            index
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new IndexEntry(id, "apd", payload)));
  }

  private List<TargetMatch> ask(TargetSelector.Person person) {
    return matching.find(
        List.of(normalized(person)),
        keys -> {
          Map<String, List<IndexEntry>> found = new HashMap<>();
          keys.forEach(k -> found.put(k, index.getOrDefault(k, List.of())));
          return found;
        },
        nicknames,
        e -> true);
  }

  private static final BirthDate NONE = BirthDate.UNKNOWN;

  @Test
  void namesWithoutDateOfBirth_fittingOnlyOneRegisteredPerson_areAMatch() {
    register("r-1", person("Jesús", "García Ortiz", new BirthDate(1988, 3, 4)));
    register("r-2", person("María", "López", new BirthDate(1990, 1, 2)));

    assertThat(ask(person("Chuy", "Garcia Ortiz", NONE)))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.registrationId()).isEqualTo("r-1");
          assertThat(m.tier()).isEqualTo(Tier.MATCH);
          assertThat(m.reasons()).contains("the only registered person these names fit");
        });
  }

  @Test
  void namesWithoutDateOfBirth_fittingNamesakes_stayPossibleForEveryOne() {
    register("r-1", person("Jesús", "García Ortiz", new BirthDate(1988, 3, 4)));
    register("r-2", person("Jesús", "García Ortiz", new BirthDate(1972, 11, 20)));

    assertThat(ask(person("Jesus", "Garcia Ortiz", NONE)))
        .extracting(TargetMatch::registrationId, TargetMatch::tier)
        .containsExactlyInAnyOrder(tuple("r-1", Tier.POSSIBLE), tuple("r-2", Tier.POSSIBLE));
  }

  @Test
  void aRegisteredPersonWithExactlyTheNamesAsked_setsAsideThoseSharingOnlySome() {
    register("full", person("Jesús", "García Ortiz", new BirthDate(1988, 3, 4)));
    register("part", person("Jesús", "García", new BirthDate(1972, 11, 20)));
    register("other", person("Jesús", "García López", new BirthDate(1980, 5, 6)));

    assertThat(ask(person("Jesus", "Garcia Ortiz", NONE)))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.registrationId()).isEqualTo("full");
          assertThat(m.tier()).isEqualTo(Tier.MATCH);
          // Nothing hints at the registrations set aside: they may be restricted.
          assertThat(m.reasons())
              .containsExactly(
                  "surname identical",
                  "given name identical",
                  "date of birth missing on one side",
                  "the only registered person these names fit");
        });
    // Asked "Jesús García": "part" has exactly these names, the others one surname more.
    assertThat(ask(person("Jesus", "Garcia", NONE)))
        .extracting(TargetMatch::registrationId, TargetMatch::tier)
        .containsExactly(tuple("part", Tier.MATCH));
  }

  @Test
  void namesWithoutDateOfBirth_fittingMany_areAllReturnedFlagged_withoutSayingHowMany() {
    for (int i = 0; i < 7; i++) {
      register("r-" + i, person("María", "García", new BirthDate(1960 + i, 1, 2)));
    }

    assertThat(ask(person("Maria", "Garcia", NONE)))
        .hasSize(7)
        .allSatisfy(m -> {
          assertThat(m.tier()).isEqualTo(Tier.POSSIBLE);
          assertThat(m.highFrequency()).isTrue();
          // A count would betray restricted registrations the asker never sees.
          assertThat(m.reasons())
              .contains("many registered persons fit this name; add a date of birth")
              .noneMatch(r -> r.matches(".*\\d.*"));
        });
  }

  @Test
  void nobodyWithExactlyTheNamesAsked_everyPartialFitIsReviewed() {
    register("ortiz", person("Jesús", "García Ortiz", new BirthDate(1988, 3, 4)));
    register("lopez", person("Jesús", "García López", new BirthDate(1980, 5, 6)));

    assertThat(ask(person("Jesus", "Garcia", NONE)))
        .extracting(TargetMatch::registrationId, TargetMatch::tier)
        .containsExactlyInAnyOrder(tuple("ortiz", Tier.POSSIBLE), tuple("lopez", Tier.POSSIBLE));
  }
}
