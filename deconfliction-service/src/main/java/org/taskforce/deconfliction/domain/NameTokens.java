package org.taskforce.deconfliction.domain;

import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Two name tokens compared: identical, a known nickname, a typo, sounding alike, only an initial or
 * a short form — with the score and the reason a match shows. Comparisons are cached per instance.
 * The scores were set with the matching-quality evaluation ({@code MatchingEvaluation}); change
 * them only with it.
 */
final class NameTokens {
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(2);

  private final Nicknames nicknames;

  NameTokens(Nicknames nicknames) {
    this.nicknames = nicknames;
  }

  record TokenScore(double score, String reason) {
    static final TokenScore NONE = new TokenScore(0, "");
  }

  /**
   * Token comparisons already made: a pure function of the two tokens (and this matcher's fixed
   * nickname table), and names repeat heavily, so a check's dozens of candidates mostly compare
   * pairs seen before.
   */
  private final TokenPairMemo remembered = new TokenPairMemo();

  private static final TokenScore IDENTICAL = new TokenScore(1.0, "identical");
  private static final TokenScore NICKNAME =
      new TokenScore(0.95, "is a known nickname or other-language form of the other");
  private static final TokenScore ONE_LETTER =
      new TokenScore(0.9, "spelled alike (one letter apart)");
  private static final TokenScore ONE_LETTER_SHORT =
      new TokenScore(0.86, "spelled alike (one letter apart)");
  private static final TokenScore SOUNDS_ALIKE = new TokenScore(0.87, "sounds alike");
  private static final TokenScore SPELLED_ALIKE = new TokenScore(0.85, "spelled alike");
  private static final TokenScore MISSPELT_NICKNAME =
      new TokenScore(0.85, "looks like a misspelt nickname of the other");
  private static final TokenScore INITIAL = new TokenScore(0.6, "matches an initial");
  private static final TokenScore SHORT_FORM = new TokenScore(0.7, "is a short form of the other");

  /** Every outcome of {@link #compareTokens}, numbered by its place here for the memo. */
  private static final List<TokenScore> OUTCOMES =
      List.of(
          TokenScore.NONE,
          NICKNAME,
          ONE_LETTER,
          ONE_LETTER_SHORT,
          SOUNDS_ALIKE,
          SPELLED_ALIKE,
          MISSPELT_NICKNAME,
          INITIAL,
          SHORT_FORM);

  TokenScore token(String a, String b, boolean givenNames) {
    if (a.equals(b)) {
      return IDENTICAL;
    }
    int known = remembered.outcome(a, b, givenNames);
    if (known != TokenPairMemo.UNKNOWN) {
      return OUTCOMES.get(known);
    }
    TokenScore score = compareTokens(a, b, givenNames);
    int outcome = OUTCOMES.indexOf(score);
    if (outcome >= 0) { // an outcome missing from OUTCOMES is only never remembered
      remembered.remember(a, b, givenNames, outcome);
    }
    return score;
  }

  private TokenScore compareTokens(String a, String b, boolean givenNames) {
    if (givenNames && nicknames.equivalent(a, b)) {
      return NICKNAME;
    }
    int minLength = Math.min(a.length(), b.length());
    if (minLength >= 4) {
      int edits = ONE_EDIT.apply(a, b);
      if (edits == 1 || (edits == 2 && transposition(a, b))) {
        return ONE_LETTER;
      }
    }
    if (minLength == 3 && Math.max(a.length(), b.length()) == 4 && ONE_EDIT.apply(a, b) == 1) {
      return ONE_LETTER_SHORT;
    }
    if (minLength >= 3 && Names.phonetic(a).equals(Names.phonetic(b))) {
      return SOUNDS_ALIKE;
    }
    if (minLength >= 4 && JARO_WINKLER.apply(a, b) >= 0.92) {
      return SPELLED_ALIKE;
    }
    if (givenNames && minLength >= 3 && misspeltVariant(a, b)) {
      return MISSPELT_NICKNAME;
    }
    if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) {
      return INITIAL;
    }
    if (minLength >= 4 && (a.startsWith(b) || b.startsWith(a))) {
      return SHORT_FORM;
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

  static boolean transposition(String a, String b) {
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
}
