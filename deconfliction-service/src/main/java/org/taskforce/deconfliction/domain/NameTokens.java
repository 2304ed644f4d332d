package org.taskforce.deconfliction.domain;

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

  TokenScore token(String a, String b, boolean givenNames) {
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
