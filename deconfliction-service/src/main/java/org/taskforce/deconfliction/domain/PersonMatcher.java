package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two persons the way a careful analyst would: names token by token (identical, a known
 * nickname, a typo, sounding alike, only an initial), in either order, and dates of birth allowing
 * one wrong digit, a day/month swap or a missing date. The thresholds below were set with the
 * matching-quality evaluation ({@code MatchingEvaluation}); change them only with it.
 */
public final class PersonMatcher {
  /** Names at least this alike (both parts) with a consistent date of birth: MATCH. */
  static final double MATCH_NAME = 0.85;

  /** Names at least this alike with a consistent or missing date of birth: POSSIBLE. */
  static final double POSSIBLE_NAME = 0.6;

  private final NameTokens names;

  public PersonMatcher(Nicknames nicknames) {
    this.names = new NameTokens(nicknames);
  }

  /**
   * How two persons compare, whichever is asked: the similarity when they are plausibly one person,
   * and, either way, whether their names and their dates of birth are alike on their own.
   *
   * @param namesAlike surname and a given name at least {@link #POSSIBLE_NAME} alike (in either
   *     order), and not contradicting each other
   * @param datesAlike both dates of birth complete and identical, swapped or one error apart
   */
  public record Comparison(
      Optional<Similarity> similarity, boolean namesAlike, boolean datesAlike) {}

  /**
   * The comparison, or empty when the two are not plausibly the same person. Symmetric by
   * construction: the two are put in a fixed order (by their text form) before comparing, so which
   * side asks changes nothing, not even the wording of a reason.
   */
  public Optional<Similarity> compare(PersonProfile a, PersonProfile b) {
    return comparison(a, b).similarity();
  }

  /** {@link #compare} with the separate verdicts on names and dates of birth. */
  public Comparison comparison(PersonProfile a, PersonProfile b) {
    return a.encode().compareTo(b.encode()) <= 0 ? ordered(a, b) : ordered(b, a);
  }

  private Comparison ordered(PersonProfile first, PersonProfile second) {
    return names(first, second).with(DobAgreement.of(first.dob(), second.dob()));
  }

  /**
   * The names half of a comparison of two persons in their fixed order ({@link #comparison}): it
   * does not depend on the dates of birth, so a check works it out once per distinct stored name
   * ({@link AskedPerson}).
   */
  NameAgreement names(PersonProfile first, PersonProfile second) {
    NameTokens.TokenScore surname = best(first.surnames(), second.surnames(), false);
    NameTokens.TokenScore given = best(first.given(), second.given(), true);
    boolean swapped = false;
    NameTokens.TokenScore crossSurname = best(first.surnames(), second.given(), true);
    NameTokens.TokenScore crossGiven = best(first.given(), second.surnames(), true);
    if (Math.min(crossSurname.score(), crossGiven.score())
        > Math.min(surname.score(), given.score())) {
      surname = crossSurname;
      given = crossGiven;
      swapped = true;
    }
    boolean contradicting =
        contradict(swapped ? first.given() : first.surnames(), second.surnames(), false)
            || contradict(swapped ? first.surnames() : first.given(), second.given(), true);
    return new NameAgreement(first, second, surname, given, swapped, contradicting);
  }

  /**
   * How the names of two persons compare; {@link #with} adds how their dates of birth agree. The
   * comparison of each agreement is remembered: a crowded name's namesakes mostly share both.
   */
  final class NameAgreement {
    private final PersonProfile first;
    private final PersonProfile second;
    private final NameTokens.TokenScore surname;
    private final NameTokens.TokenScore given;
    private final boolean swapped;
    private final boolean contradicting;
    private final double weakest;
    private final boolean namesAlike;
    private final Map<DobAgreement, Comparison> byDob = new EnumMap<>(DobAgreement.class);

    private NameAgreement(
        PersonProfile first,
        PersonProfile second,
        NameTokens.TokenScore surname,
        NameTokens.TokenScore given,
        boolean swapped,
        boolean contradicting) {
      this.first = first;
      this.second = second;
      this.surname = surname;
      this.given = given;
      this.swapped = swapped;
      this.contradicting = contradicting;
      this.weakest = Math.min(surname.score(), given.score());
      this.namesAlike = weakest >= POSSIBLE_NAME && !contradicting;
    }

    Comparison with(DobAgreement dob) {
      return byDob.computeIfAbsent(dob, this::compare);
    }

    private Comparison compare(DobAgreement dob) {
      Comparison none = new Comparison(Optional.empty(), namesAlike, dob.consistent());
      if (dob == DobAgreement.CONTRADICTS) {
        return none;
      }
      if (dob == DobAgreement.MISSING && contradicting) {
        // Without a date of birth the names are all there is: "García López" is not "García
        // Ortiz", nor "José Luis" "José Antonio".
        return none;
      }
      NameTokens.TokenScore givenScore = given;
      Tier tier;
      if (weakest >= MATCH_NAME && dob.consistent()) {
        tier = Tier.MATCH;
      } else if (weakest >= POSSIBLE_NAME && dob.consistent()) {
        tier = Tier.POSSIBLE;
      } else if (weakest >= MATCH_NAME
          && (dob == DobAgreement.PARTIAL
              || dob == DobAgreement.MISSING
              || dob == DobAgreement.SWAPPED_AND_DIGIT)) {
        tier = Tier.POSSIBLE;
      } else if (dob == DobAgreement.EXACT
          && surname.score() >= MATCH_NAME
          && sameInitial(first.given(), second.given())) {
        // Same surname and full date of birth: a badly misspelt given name is still worth a look.
        givenScore = new NameTokens.TokenScore(0.4, "differs but starts with the same letter");
        tier = Tier.POSSIBLE;
      } else {
        return none;
      }
      double name = (surname.score() + givenScore.score()) / 2;
      List<String> reasons = new ArrayList<>();
      reasons.add("surname " + surname.reason());
      reasons.add("given name " + givenScore.reason());
      if (swapped) {
        reasons.add("given name and surname in swapped order");
      }
      reasons.add(dob.reason);
      double score = Math.round((0.55 * name + 0.45 * dob.score) * 1000) / 1000.0;
      return new Comparison(
          Optional.of(
              new Similarity(
                  score,
                  tier,
                  reasons,
                  dob == DobAgreement.EXACT,
                  dob == DobAgreement.MISSING,
                  dob == DobAgreement.MISSING
                      && weakest >= MATCH_NAME
                      && !unmatched(first.allTokens(), second.allTokens(), true)
                      && !unmatched(second.allTokens(), first.allTokens(), true))),
          namesAlike,
          dob.consistent());
    }
  }

  /**
   * Whether two lists of surnames (or of given names) disagree: each holds a name the other has no
   * counterpart for (a second surname or middle name left out on one side is no disagreement).
   */
  private boolean contradict(List<String> asked, List<String> stored, boolean givenNames) {
    return unmatched(asked, stored, givenNames) && unmatched(stored, asked, givenNames);
  }

  private boolean unmatched(List<String> these, List<String> others, boolean givenNames) {
    for (String t : these) {
      boolean found = false;
      for (String o : others) {
        if (names.token(t, o, givenNames).score() >= POSSIBLE_NAME) {
          found = true;
          break;
        }
      }
      if (!found) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameInitial(java.util.List<String> a, java.util.List<String> b) {
    return !a.isEmpty() && !b.isEmpty() && a.getFirst().charAt(0) == b.getFirst().charAt(0);
  }

  private NameTokens.TokenScore best(List<String> asked, List<String> stored, boolean givenNames) {
    NameTokens.TokenScore best = NameTokens.TokenScore.NONE;
    for (String a : asked) {
      for (String s : stored) {
        NameTokens.TokenScore score = names.token(a, s, givenNames);
        if (score.score() > best.score()) {
          best = score;
        }
      }
    }
    return best;
  }
}
