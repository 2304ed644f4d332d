package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.List;
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
    return comparison(a, a.encode(), b, b.encode());
  }

  /**
   * {@link #comparison} of two profiles whose text forms ({@link PersonProfile#encode}) are at
   * hand: a check grades each candidate's stored text against the same asked profiles, so encoding
   * both again for every pair was a tenth of its work.
   */
  Comparison comparison(PersonProfile a, String aText, PersonProfile b, String bText) {
    return aText.compareTo(bText) <= 0 ? ordered(a, b) : ordered(b, a);
  }

  private Comparison ordered(PersonProfile asked, PersonProfile stored) {
    DobAgreement dob = DobAgreement.of(asked.dob(), stored.dob());
    NameTokens.TokenScore surname = best(asked.surnames(), stored.surnames(), false);
    NameTokens.TokenScore given = best(asked.given(), stored.given(), true);
    boolean swapped = false;
    NameTokens.TokenScore crossSurname = best(asked.surnames(), stored.given(), true);
    NameTokens.TokenScore crossGiven = best(asked.given(), stored.surnames(), true);
    if (Math.min(crossSurname.score(), crossGiven.score())
        > Math.min(surname.score(), given.score())) {
      surname = crossSurname;
      given = crossGiven;
      swapped = true;
    }
    double weakest = Math.min(surname.score(), given.score());
    boolean contradicting =
        contradict(swapped ? asked.given() : asked.surnames(), stored.surnames(), false)
            || contradict(swapped ? asked.surnames() : asked.given(), stored.given(), true);
    boolean namesAlike = weakest >= POSSIBLE_NAME && !contradicting;
    Comparison none = new Comparison(Optional.empty(), namesAlike, dob.consistent());
    if (dob == DobAgreement.CONTRADICTS) {
      return none;
    }
    if (dob == DobAgreement.MISSING && contradicting) {
      // Without a date of birth the names are all there is: "García López" is not "García Ortiz",
      // nor "José Luis" "José Antonio".
      return none;
    }
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
        && sameInitial(asked.given(), stored.given())) {
      // Same surname and full date of birth: a badly misspelt given name is still worth a look.
      given = new NameTokens.TokenScore(0.4, "differs but starts with the same letter");
      tier = Tier.POSSIBLE;
    } else {
      return none;
    }
    double name = (surname.score() + given.score()) / 2;
    List<String> reasons = new ArrayList<>();
    reasons.add("surname " + surname.reason());
    reasons.add("given name " + given.reason());
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
                    && !unmatched(asked.allTokens(), stored.allTokens(), true)
                    && !unmatched(stored.allTokens(), asked.allTokens(), true))),
        namesAlike,
        dob.consistent());
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
