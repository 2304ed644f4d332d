package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares two persons the way a careful analyst would: names token by token (identical, a known
 * nickname, a typo, sounding alike, only an initial), in either order, and dates of birth allowing
 * one wrong digit, a day/month swap or a missing date. The thresholds below were set with the
 * matching-quality evaluation ({@code MatchingEvaluation}); change them only with it.
 */
public final class PersonMatcher {
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(2);

  /** Names at least this alike (both parts) with a consistent date of birth: MATCH. */
  static final double MATCH_NAME = 0.85;

  /** Names at least this alike with a consistent or missing date of birth: POSSIBLE. */
  static final double POSSIBLE_NAME = 0.6;

  private final Nicknames nicknames;

  public PersonMatcher(Nicknames nicknames) {
    this.nicknames = nicknames;
  }

  enum DobAgreement {
    EXACT(1.0, "date of birth identical"),
    SWAPPED(0.9, "date of birth with day and month swapped"),
    ONE_DIGIT(0.85, "date of birth differs in one digit"),
    YEAR_OFF_BY_ONE(0.85, "date of birth with the year off by one"),
    SWAPPED_AND_DIGIT(0.7, "date of birth with day and month swapped and one digit different"),
    PARTIAL(0.6, "date of birth agrees as far as both are known"),
    MISSING(0.5, "date of birth missing on one side"),
    CONTRADICTS(0.0, "date of birth differs");

    final double score;
    final String reason;

    DobAgreement(double score, String reason) {
      this.score = score;
      this.reason = reason;
    }

    boolean consistent() {
      return this == EXACT || this == SWAPPED || this == ONE_DIGIT || this == YEAR_OFF_BY_ONE;
    }
  }

  record TokenScore(double score, String reason) {
    static final TokenScore NONE = new TokenScore(0, "");
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

  private Comparison ordered(PersonProfile asked, PersonProfile stored) {
    DobAgreement dob = dob(asked.dob(), stored.dob());
    TokenScore surname = best(asked.surnames(), stored.surnames(), false);
    TokenScore given = best(asked.given(), stored.given(), true);
    boolean swapped = false;
    TokenScore crossSurname = best(asked.surnames(), stored.given(), true);
    TokenScore crossGiven = best(asked.given(), stored.surnames(), true);
    if (Math.min(crossSurname.score, crossGiven.score) > Math.min(surname.score, given.score)) {
      surname = crossSurname;
      given = crossGiven;
      swapped = true;
    }
    double weakest = Math.min(surname.score, given.score);
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
        && surname.score >= MATCH_NAME
        && sameInitial(asked.given(), stored.given())) {
      // Same surname and full date of birth: a badly misspelt given name is still worth a look.
      given = new TokenScore(0.4, "differs but starts with the same letter");
      tier = Tier.POSSIBLE;
    } else {
      return none;
    }
    double name = (surname.score + given.score) / 2;
    List<String> reasons = new ArrayList<>();
    reasons.add("surname " + surname.reason);
    reasons.add("given name " + given.reason);
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
        if (token(t, o, givenNames).score >= POSSIBLE_NAME) {
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

  private TokenScore best(List<String> asked, List<String> stored, boolean givenNames) {
    TokenScore best = TokenScore.NONE;
    for (String a : asked) {
      for (String s : stored) {
        TokenScore t = token(a, s, givenNames);
        if (t.score > best.score) {
          best = t;
        }
      }
    }
    return best;
  }

  /**
   * Two name tokens as {@link #token} compares them (a plain class: a record's generated equals and
   * hashCode cost more than the lookup saves).
   */
  private static final class TokenPair {
    private final String a;
    private final String b;
    private final boolean givenNames;
    private final int hash;

    TokenPair(String a, String b, boolean givenNames) {
      this.a = a;
      this.b = b;
      this.givenNames = givenNames;
      this.hash = (a.hashCode() * 31 + b.hashCode()) * 2 + (givenNames ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TokenPair p
          && hash == p.hash
          && givenNames == p.givenNames
          && a.equals(p.a)
          && b.equals(p.b);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Token comparisons already made: a pure function of the two tokens (and this matcher's fixed
   * nickname table), and names repeat heavily, so a check's dozens of candidates mostly compare
   * pairs seen before. Bounded like {@link Names#phonetic}'s cache.
   */
  private final java.util.concurrent.ConcurrentHashMap<TokenPair, TokenScore> tokens =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int TOKEN_CACHE_LIMIT = 100_000;
  private static final TokenScore IDENTICAL = new TokenScore(1.0, "identical");

  private TokenScore token(String a, String b, boolean givenNames) {
    if (a.equals(b)) {
      return IDENTICAL;
    }
    TokenPair pair = new TokenPair(a, b, givenNames);
    TokenScore known = tokens.get(pair);
    if (known != null) {
      return known;
    }
    TokenScore score = compareTokens(a, b, givenNames);
    if (tokens.size() >= TOKEN_CACHE_LIMIT) {
      tokens.clear(); // a rare reset keeps memory bounded
    }
    tokens.put(pair, score);
    return score;
  }

  private TokenScore compareTokens(String a, String b, boolean givenNames) {
    if (givenNames && nicknames.equivalent(a, b)) {
      return new TokenScore(0.95, "is a known nickname or other-language form of the other");
    }
    int minLength = Math.min(a.length(), b.length());
    if (minLength >= 4) {
      int edits = ONE_EDIT.apply(a, b);
      if (edits == 1 || (edits == 2 && transposition(a, b))) {
        return new TokenScore(0.9, "spelled alike (one letter apart)");
      }
    }
    if (minLength == 3 && Math.max(a.length(), b.length()) == 4 && ONE_EDIT.apply(a, b) == 1) {
      return new TokenScore(0.86, "spelled alike (one letter apart)");
    }
    if (minLength >= 3 && Names.phonetic(a).equals(Names.phonetic(b))) {
      return new TokenScore(0.87, "sounds alike");
    }
    if (minLength >= 4 && JARO_WINKLER.apply(a, b) >= 0.92) {
      return new TokenScore(0.85, "spelled alike");
    }
    if (givenNames && minLength >= 3 && misspeltVariant(a, b)) {
      return new TokenScore(0.85, "looks like a misspelt nickname of the other");
    }
    if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) {
      return new TokenScore(0.6, "matches an initial");
    }
    if (minLength >= 4 && (a.startsWith(b) || b.startsWith(a))) {
      return new TokenScore(0.7, "is a short form of the other");
    }
    return TokenScore.NONE;
  }

  /** One of the names is one typing error away from a nickname or formal form of the other. */
  private boolean misspeltVariant(String a, String b) {
    for (String v : nicknames.variants(b)) {
      if (v.length() >= 3 && !v.equals(b) && (ONE_EDIT.apply(a, v) == 1 || transposition(a, v))) {
        return true;
      }
    }
    for (String v : nicknames.variants(a)) {
      if (v.length() >= 3 && !v.equals(a) && (ONE_EDIT.apply(b, v) == 1 || transposition(b, v))) {
        return true;
      }
    }
    return false;
  }

  private static boolean transposition(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (first < 0) {
          first = i;
        } else {
          return i == first + 1
              && a.charAt(first) == b.charAt(i)
              && a.charAt(i) == b.charAt(first)
              && a.substring(i + 1).equals(b.substring(i + 1));
        }
      }
    }
    return false;
  }

  static DobAgreement dob(BirthDate a, BirthDate b) {
    if (!a.known() || !b.known()) {
      return DobAgreement.MISSING;
    }
    if (a.complete() && b.complete()) {
      if (a.equals(b)) {
        return DobAgreement.EXACT;
      }
      if (a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) {
        return DobAgreement.SWAPPED;
      }
      String x = a.compact();
      String y = b.compact();
      int diff = 0;
      for (int i = 0; i < x.length(); i++) {
        if (x.charAt(i) != y.charAt(i)) {
          diff++;
        }
      }
      if (diff == 1 || transposition(x, y)) {
        return DobAgreement.ONE_DIGIT;
      }
      if (a.month() == b.month() && a.day() == b.day() && Math.abs(a.year() - b.year()) == 1) {
        return DobAgreement.YEAR_OFF_BY_ONE; // 1969 for 1970: two digits, one slip
      }
      String swapped = new BirthDate(b.year(), b.day(), b.month()).compact();
      int swappedDiff = 0;
      for (int i = 0; i < x.length(); i++) {
        if (x.charAt(i) != swapped.charAt(i)) {
          swappedDiff++;
        }
      }
      return swappedDiff == 1 ? DobAgreement.SWAPPED_AND_DIGIT : DobAgreement.CONTRADICTS;
    }
    if (a.year() != b.year()) {
      return DobAgreement.CONTRADICTS;
    }
    if (a.month() != 0 && b.month() != 0 && a.month() != b.month()) {
      return DobAgreement.CONTRADICTS;
    }
    return DobAgreement.PARTIAL;
  }
}
