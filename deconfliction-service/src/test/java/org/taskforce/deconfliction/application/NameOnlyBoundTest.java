package org.taskforce.deconfliction.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.BirthDate;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Nicknames;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonMatcher;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.TargetMatching;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.error.Violations;

/**
 * The name-only bound on index entries alone, at sizes the service tests cannot reach quickly: the
 * bands at their boundaries, and that restricted registrations of other agencies change neither
 * whether the bound applies nor its band.
 */
class NameOnlyBoundTest {
  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
  private final Nicknames nicknames = Nicknames.standard();
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
  private final TargetMatching matching = new TargetMatching(new PersonMatcher(nicknames));
  private final Map<String, List<IndexEntry>> index = new HashMap<>();
  private final Map<String, TargetStore.Owner> store = new HashMap<>();
  private int reads;
  private int readIds;

  private NormalizedSelector maria(BirthDate dob) {
    return normalizer
        .normalize(
            new TargetSelector.Person(List.of("María"), List.of("López"), List.of(), dob),
            "selector",
            new Violations())
        .orElseThrow();
  }

  /**
   * Registers n namesakes; {@code written} is the disclosure the entries carry (null: old form).
   */
  private void register(int n, String agency, Disclosure disclosure, Disclosure written) {
    for (int i = 0; i < n; i++) {
      String id = "t-" + agency + "-" + disclosure + "-" + store.size();
      TargetMatching.storedKeys(List.of(maria(BirthDate.UNKNOWN)), nicknames, id)
          .forEach((key, payload) ->
              index
                  .computeIfAbsent(key, k -> new ArrayList<>())
                  .add(new IndexEntry(id, agency, payload, written)));
      store.put(
          id,
          new TargetStore.Owner(
              id,
              new Agency(agency, agency, "LOCAL"),
              null,
              disclosure,
              RegistrationStatus.ACTIVE,
              NOW.plusSeconds(3600)));
    }
  }

  private List<NameOnlyBound.Crowded> ask(int bound, BirthDate dob) {
    return ask(bound, dob, e -> !e.agencyId().equals("apd"));
  }

  /** Asks as agency apd; {@code candidate} is the check's filter (match-own-agency lets all in). */
  private List<NameOnlyBound.Crowded> ask(
      int bound, BirthDate dob, java.util.function.Predicate<IndexEntry> candidate) {
    NameOnlyBound b =
        new NameOnlyBound(
            bound,
            ids -> {
              reads++;
              readIds += ids.size();
              return ids.stream().map(store::get).filter(o -> o != null).toList();
            });
    List<NormalizedSelector> ask = List.of(maria(dob));
    Map<String, List<IndexEntry>> found = new HashMap<>();
    TargetMatching.lookupKeys(ask, nicknames)
        .forEach(k -> found.put(k, index.getOrDefault(k, List.of())));
    return b.crowded(ask, found, matching, nicknames, candidate, NOW);
  }

  @Test
  void band_roundsDownToTheBoundOrTo100OrTo1000() {
    assertThat(NameOnlyBound.band(26, 25)).isEqualTo(25);
    assertThat(NameOnlyBound.band(99, 25)).isEqualTo(25);
    assertThat(NameOnlyBound.band(100, 25)).isEqualTo(100);
    assertThat(NameOnlyBound.band(999, 25)).isEqualTo(100);
    assertThat(NameOnlyBound.band(1000, 25)).isEqualTo(1000);
    assertThat(NameOnlyBound.band(4445, 25)).isEqualTo(1000);
    // a bound above a band never reports a band below itself
    assertThat(NameOnlyBound.band(151, 150)).isEqualTo(150);
    assertThat(NameOnlyBound.band(1000, 150)).isEqualTo(1000);
  }

  @Test
  void restrictedRegistrationsOfOtherAgencies_neverMoveTheCountIntoABand() {
    register(99, "hsi", Disclosure.AGENCY_ONLY, Disclosure.AGENCY_ONLY);
    List<NameOnlyBound.Crowded> without = ask(3, BirthDate.UNKNOWN);
    register(950, "fbi", Disclosure.RESTRICTED, Disclosure.RESTRICTED);
    assertThat(ask(3, BirthDate.UNKNOWN)).isEqualTo(without).containsExactly(crowded(3));

    register(1, "nnpd", Disclosure.OPEN, Disclosure.OPEN);
    assertThat(ask(3, BirthDate.UNKNOWN)).containsExactly(crowded(100));
    register(899, "nnpd", Disclosure.OPEN, Disclosure.OPEN);
    assertThat(ask(3, BirthDate.UNKNOWN)).containsExactly(crowded(100)); // 999 visible
    register(1, "bcso", Disclosure.AGENCY_ONLY, Disclosure.AGENCY_ONLY);
    assertThat(ask(3, BirthDate.UNKNOWN)).containsExactly(crowded(1000));
    assertThat(reads).isZero(); // every entry carried its disclosure
  }

  @Test
  void aCountThatReachesTheTopBand_stopsGrading_andAnswersAsTheWholeCountWould() {
    register(2000, "nnpd", Disclosure.OPEN, Disclosure.OPEN);
    register(300, "fbi", Disclosure.RESTRICTED, null); // old entries: read only when graded
    assertThat(ask(3, BirthDate.UNKNOWN)).containsExactly(crowded(1000));
    assertThat(readIds)
        .as("grading stopped at 1,000 visible: not every old entry was read")
        .isLessThan(300);

    // few visible among many old entries: every fit is graded and every old one read
    index.clear();
    store.clear();
    readIds = 0;
    register(300, "fbi", Disclosure.RESTRICTED, null);
    register(999, "nnpd", Disclosure.OPEN, Disclosure.OPEN);
    assertThat(ask(3, BirthDate.UNKNOWN)).containsExactly(crowded(100));
    assertThat(readIds).isEqualTo(300);
    register(1, "nnpd", Disclosure.OPEN, Disclosure.OPEN);
    assertThat(ask(3, BirthDate.UNKNOWN)).containsExactly(crowded(1000));
  }

  @Test
  void aBoundAboveTheTopBand_isCountedPast() {
    register(1200, "nnpd", Disclosure.OPEN, Disclosure.OPEN);
    assertThat(ask(1200, BirthDate.UNKNOWN)).isEmpty();
    register(1, "hsi", Disclosure.AGENCY_ONLY, Disclosure.AGENCY_ONLY);
    assertThat(ask(1200, BirthDate.UNKNOWN)).containsExactly(crowded(1200));
  }

  @Test
  void atTheBound_restrictedOnesDoNotTipIt() {
    register(3, "hsi", Disclosure.OPEN, Disclosure.OPEN);
    register(40, "fbi", Disclosure.RESTRICTED, Disclosure.RESTRICTED);
    assertThat(ask(3, BirthDate.UNKNOWN)).isEmpty();
  }

  @Test
  void theAskersOwnRegistrations_countOnlyWhenTheyWouldBeHits() {
    register(3, "hsi", Disclosure.OPEN, Disclosure.OPEN);
    register(20, "apd", Disclosure.AGENCY_ONLY, Disclosure.AGENCY_ONLY);
    assertThat(ask(3, BirthDate.UNKNOWN)).isEmpty(); // own agency is not matched by default
  }

  @Test
  void theAskersOwnRestrictedRegistrations_areNeverHits_soNeverCounted() {
    // match-own-agency on: the asker's own registrations are candidates, but a check never shows a
    // RESTRICTED hit, its own included; counting them made a name with 3 hits "crowded".
    register(3, "hsi", Disclosure.OPEN, Disclosure.OPEN);
    register(5, "apd", Disclosure.RESTRICTED, Disclosure.RESTRICTED);
    assertThat(ask(3, BirthDate.UNKNOWN, e -> true)).isEmpty();
    register(1, "apd", Disclosure.AGENCY_ONLY, Disclosure.AGENCY_ONLY);
    assertThat(ask(3, BirthDate.UNKNOWN, e -> true)).containsExactly(crowded(3));
  }

  @Test
  void oldEntries_areCountedOnlyOnceTheirRegistrationIsRead() {
    register(3, "hsi", Disclosure.OPEN, Disclosure.OPEN);
    register(5, "fbi", Disclosure.RESTRICTED, null);
    assertThat(ask(3, BirthDate.UNKNOWN)).isEmpty();
    assertThat(reads).isEqualTo(1);

    register(1, "nnpd", Disclosure.AGENCY_ONLY, null);
    assertThat(ask(3, BirthDate.UNKNOWN)).containsExactly(crowded(3));
  }

  @Test
  void oldEntriesOfRegistrationsNoLongerStoredOrEnded_areNotCounted() {
    register(3, "hsi", Disclosure.OPEN, Disclosure.OPEN);
    register(2, "nnpd", Disclosure.OPEN, null);
    store.keySet().removeIf(id -> id.startsWith("t-nnpd"));
    assertThat(ask(3, BirthDate.UNKNOWN)).isEmpty();

    register(1, "bcso", Disclosure.OPEN, null);
    store.replaceAll((id, o) ->
        id.startsWith("t-bcso")
            ? new TargetStore.Owner(
                id, o.agency(), null, o.disclosure(), RegistrationStatus.WITHDRAWN, o.expireTime())
            : o);
    assertThat(ask(3, BirthDate.UNKNOWN)).isEmpty();
  }

  @Test
  void aNameWithADateOfBirth_isNeverBounded() {
    register(50, "hsi", Disclosure.OPEN, Disclosure.OPEN);
    assertThat(ask(3, new BirthDate(1990, 1, 2))).isEmpty();
    assertThat(ask(3, new BirthDate(1990, 0, 0))).isEmpty();
  }

  private static NameOnlyBound.Crowded crowded(int atLeast) {
    return new NameOnlyBound.Crowded(0, atLeast);
  }
}
