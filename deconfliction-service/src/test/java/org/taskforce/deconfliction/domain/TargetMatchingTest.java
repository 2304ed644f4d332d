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

/**
 * How two registrations are graded: by the two alone, never by who else is registered. Persons
 * without a date of birth, shared addresses and phones, places.
 */
class TargetMatchingTest {
  private final Nicknames nicknames = Nicknames.standard();
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
  private final TargetMatching matching = new TargetMatching(new PersonMatcher(nicknames));
  private final Map<String, List<IndexEntry>> index = new HashMap<>();

  private static final BirthDate NONE = BirthDate.UNKNOWN;

  private static TargetSelector.Person person(String given, String surnames, BirthDate dob) {
    return new TargetSelector.Person(List.of(given.split(",")), List.of(surnames), List.of(), dob);
  }

  private static TargetSelector phone(String number) {
    return new TargetSelector.Phone(number, "US");
  }

  private static TargetSelector address(String line) {
    return new TargetSelector.Address(
        new PostalAddress(List.of(line), "Albuquerque", "NM", "87102", "US"));
  }

  private List<NormalizedSelector> normalized(List<TargetSelector> selectors) {
    List<NormalizedSelector> out = new ArrayList<>();
    for (TargetSelector s : selectors) {
      out.add(normalizer.normalize(s, "selector", new Violations()).orElseThrow());
    }
    return out;
  }

  private void register(String id, TargetSelector... selectors) {
    TargetMatching.storedKeys(normalized(List.of(selectors)), nicknames, id)
        .forEach((key, payload) ->
            index
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new IndexEntry(id, "apd", payload)));
  }

  private List<TargetMatch> ask(TargetSelector... selectors) {
    return matching.find(
        normalized(List.of(selectors)),
        keys -> {
          Map<String, List<IndexEntry>> found = new HashMap<>();
          keys.forEach(k -> found.put(k, index.getOrDefault(k, List.of())));
          return found;
        },
        nicknames,
        e -> true);
  }

  @Test
  void namesWithoutDateOfBirth_fittingOnlyOneRegisteredPerson_stayPossible() {
    register("r-1", person("Jesús", "García Ortiz", new BirthDate(1988, 3, 4)));
    register("r-2", person("María", "López", new BirthDate(1990, 1, 2)));

    assertThat(ask(person("Chuy", "Garcia Ortiz", NONE)))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.registrationId()).isEqualTo("r-1");
          assertThat(m.tier()).isEqualTo(Tier.POSSIBLE);
        });
  }

  @Test
  void namesWithoutDateOfBirth_andAnIdenticalPhone_areAMatch() {
    register("r-1", person("Jesús", "García", new BirthDate(1988, 3, 4)), phone("505-555-0142"));

    assertThat(ask(person("Chuy", "Garcia", NONE), phone("(505) 555 0142")))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.tier()).isEqualTo(Tier.MATCH);
          assertThat(m.reasons()).contains("phone number identical");
        });
  }

  @Test
  void aNameAskedWithoutDateOfBirth_isPossibleForEveryNamesake_andNotOneIsSetAside() {
    register("full", person("Jesús", "García Ortiz", new BirthDate(1988, 3, 4)));
    register("part", person("Jesús", "García", new BirthDate(1972, 11, 20)));
    register("other", person("Jesús", "García López", new BirthDate(1980, 5, 6)));

    // "García López" disagrees with "García Ortiz"; the other two fit and are both reviewed.
    assertThat(ask(person("Jesus", "Garcia Ortiz", NONE)))
        .extracting(TargetMatch::registrationId, TargetMatch::tier)
        .containsExactlyInAnyOrder(tuple("full", Tier.POSSIBLE), tuple("part", Tier.POSSIBLE));
  }

  @Test
  void aTier_doesNotChange_whenOtherRegistrationsArrive() {
    register("r-1", person("José", "García", new BirthDate(1962, 5, 14)));
    register("r-2", person("José", "García", new BirthDate(1962, 5, 15)));
    List<TargetMatch> before = ask(person("Jose", "Garcia", new BirthDate(1962, 5, 15)));

    // Someone with exactly the asked date, and namesakes without one, arrive later.
    register("r-3", person("José", "García", new BirthDate(1962, 5, 15)));
    register("r-4", person("José", "García", NONE));
    List<TargetMatch> after = ask(person("Jose", "Garcia", new BirthDate(1962, 5, 15)));

    assertThat(after).containsAll(before);
    assertThat(after)
        .extracting(TargetMatch::registrationId, TargetMatch::tier)
        .containsExactlyInAnyOrder(
            tuple("r-1", Tier.MATCH),
            tuple("r-2", Tier.MATCH),
            tuple("r-3", Tier.MATCH),
            tuple("r-4", Tier.POSSIBLE));
  }

  @Test
  void twoDifferentPersons_sharingAnAddress_raiseNothing_howeverBusyTheAddress() {
    String motel = "1200 Central Ave SW";
    for (int i = 0; i < 40; i++) {
      register(
          "guest-" + i,
          person(
              "Guest" + (char) ('a' + i % 26),
              "Stay" + (char) ('a' + i % 26) + (char) ('a' + i / 26),
              new BirthDate(1960 + i, 1, 2)),
          address(motel));
    }

    assertThat(ask(person("Maria", "Lopez", new BirthDate(1990, 1, 2)), address(motel))).isEmpty();
  }

  @Test
  void anAddressAlone_neverMakesTwoPersonsAMatch() {
    register("r-1", person("Jesús", "García", NONE), address("12 Zuni Rd SE"));

    // Names that fit, but not throughout (a second surname on one side): review only.
    assertThat(
            ask(
                person("Jesus", "Garcia Lopez", new BirthDate(1988, 3, 4)),
                address("12 Zuni Rd SE")))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.tier()).isEqualTo(Tier.POSSIBLE);
          assertThat(m.highFrequency()).isTrue();
        });
    // Every name fits and the address is identical: the same person.
    assertThat(
            ask(person("Jesus", "Garcia", new BirthDate(1988, 3, 4)), address("12 Zuni Road SE")))
        .singleElement()
        .satisfies(m -> assertThat(m.tier()).isEqualTo(Tier.MATCH));
  }

  @Test
  void familyMembersSharingAPhone_raiseNothing_namesakesWithAnotherBirthDateAreReviewed() {
    register("mother", person("María", "García", new BirthDate(1965, 2, 3)), phone("5055550100"));

    assertThat(ask(person("Juan", "Garcia", new BirthDate(1990, 7, 8)), phone("5055550100")))
        .isEmpty();
    // Same names, another date of birth, same phone: perhaps one person, perhaps not.
    assertThat(ask(person("Maria", "Garcia", new BirthDate(1990, 7, 8)), phone("5055550100")))
        .singleElement()
        .satisfies(m -> assertThat(m.tier()).isEqualTo(Tier.POSSIBLE));
  }

  @Test
  void aPlace_isTheTarget_anIdenticalAddressIsAMatch() {
    register("motel", address("1200 Central Ave SW"));
    register("guest", person("Jesús", "García", NONE), address("1200 Central Avenue Southwest"));

    assertThat(ask(address("1200 Central Ave. SW")))
        .extracting(TargetMatch::registrationId, TargetMatch::tier)
        .containsExactlyInAnyOrder(tuple("motel", Tier.MATCH), tuple("guest", Tier.MATCH));
    assertThat(ask(person("Maria", "Lopez", NONE), address("1200 Central Ave SW")))
        .extracting(TargetMatch::registrationId, TargetMatch::tier)
        .containsExactly(tuple("motel", Tier.MATCH));
  }
}
