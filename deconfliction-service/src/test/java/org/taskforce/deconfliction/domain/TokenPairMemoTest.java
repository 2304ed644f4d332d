package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The memo of token comparisons never answers a pair with another pair's outcome: not after it
 * grew, not in the other order, not for the other kind of name, not while threads write it, and not
 * after it started afresh.
 */
class TokenPairMemoTest {
  private static String token(int n) {
    return "t" + Integer.toString(n, 36);
  }

  /** A fixed outcome per pair and kind, unlike the reversed pair's and the other kind's. */
  private static int outcome(int first, int second, boolean givenNames) {
    return Math.floorMod(first * 7 + second * 3 + (givenNames ? 1 : 0), TokenPairMemo.OUTCOMES);
  }

  @Test
  void rememberedPairs_readBackTheirOwnOutcome_acrossGrowth() {
    TokenPairMemo memo = new TokenPairMemo();
    int tokens = 700;
    for (int first = 0; first < tokens; first++) {
      for (int second = first + 1; second < tokens; second += 3) {
        memo.remember(
            token(first), token(second), first % 2 == 0, outcome(first, second, first % 2 == 0));
      }
    }
    assertThat(memo.size()).as("grew well past its first table").isGreaterThan(50_000);
    for (int first = 0; first < tokens; first++) {
      boolean given = first % 2 == 0;
      for (int second = first + 1; second < tokens; second++) {
        int expected = (second - first - 1) % 3 == 0 ? outcome(first, second, given) : -1;
        assertThat(memo.outcome(token(first), token(second), given))
            .as("%d,%d", first, second)
            .isEqualTo(expected);
        // neither the reversed pair nor the other kind of name was remembered
        assertThat(memo.outcome(token(second), token(first), given))
            .isEqualTo(TokenPairMemo.UNKNOWN);
        assertThat(memo.outcome(token(first), token(second), !given))
            .isEqualTo(TokenPairMemo.UNKNOWN);
      }
    }
    assertThat(memo.outcome("never", "seen", true)).isEqualTo(TokenPairMemo.UNKNOWN);
  }

  @Test
  void threadsWritingAtOnce_neverLeaveAWrongOutcome() throws Exception {
    TokenPairMemo memo = new TokenPairMemo();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        done.add(
            threads.submit(() -> {
              for (int i = 0; i < 60_000; i++) {
                int first = (i * 13 + offset * 101) % 900;
                int second = (i * 7 + offset) % 911;
                int known = memo.outcome(token(first), token(second), true);
                if (known != TokenPairMemo.UNKNOWN && known != outcome(first, second, true)) {
                  throw new AssertionError("wrong outcome for " + first + "," + second);
                }
                memo.remember(token(first), token(second), true, outcome(first, second, true));
              }
            }));
      }
      for (Future<?> finished : done) {
        finished.get();
      }
    } finally {
      threads.shutdownNow();
    }
    int known = 0;
    for (int first = 0; first < 900; first++) {
      for (int second = 0; second < 911; second++) {
        int answer = memo.outcome(token(first), token(second), true);
        if (answer != TokenPairMemo.UNKNOWN) {
          assertThat(answer).isEqualTo(outcome(first, second, true));
          known++;
        }
      }
    }
    assertThat(known)
        .as("a pair lost while the table grew is only a comparison made again")
        .isPositive();
  }

  @Test
  void atItsLargest_itStartsAfresh_andStillNeverAnswersWrongly() {
    TokenPairMemo memo = new TokenPairMemo();
    int pairs = TokenPairMemo.MAX_SLOTS / 2 + 10;
    for (int i = 0; i < pairs; i++) {
      memo.remember(
          token(i / 2000), token(i % 2000 + 5000), false, outcome(i / 2000, i % 2000, false));
    }
    assertThat(memo.size()).as("started afresh").isLessThan(TokenPairMemo.MAX_SLOTS / 4);
    for (int i = 0; i < pairs; i += 997) {
      int answer = memo.outcome(token(i / 2000), token(i % 2000 + 5000), false);
      assertThat(answer).isIn(TokenPairMemo.UNKNOWN, outcome(i / 2000, i % 2000, false));
    }
  }

  @Test
  void pairsOfTheLargestNumbers_haveKeysOfTheirOwn() {
    int largest = TokenPairMemo.MAX_TOKENS - 1;
    int[] numbers = {0, 1, 2, largest >> 1, largest - 1, largest, (1 << 21) - 1};
    java.util.Set<Long> keys = new java.util.HashSet<>();
    int pairs = 0;
    for (int first : numbers) {
      for (int second : numbers) {
        for (boolean given : new boolean[] {false, true}) {
          long key = TokenPairMemo.key(first, second, given);
          assertThat(key).as("43 bits: a slot holds it beside its outcome").isLessThan(1L << 43);
          assertThat(key).isNotNegative();
          keys.add(key);
          pairs++;
        }
      }
    }
    assertThat(keys).hasSize(pairs);
  }

  @Test
  void aFullVocabulary_startsAfresh_andNeverAnswersWrongly() {
    TokenPairMemo memo = new TokenPairMemo(50);
    // each call numbers one new token: the vocabulary fills at calls 49, 99, 149 and 199
    for (int i = 0; i < 210; i++) {
      memo.remember(token(i), token(i + 1), true, outcome(i, i + 1, true));
      for (int j = Math.max(0, i - 30); j <= i; j++) {
        int answer = memo.outcome(token(j), token(j + 1), true);
        assertThat(answer).isIn(TokenPairMemo.UNKNOWN, outcome(j, j + 1, true));
      }
    }
    assertThat(memo.size()).as("started afresh at 50 tokens").isLessThan(50);
    long known = 0;
    for (int j = 200; j < 210; j++) {
      known += memo.outcome(token(j), token(j + 1), true) == TokenPairMemo.UNKNOWN ? 0 : 1;
    }
    assertThat(known).as("it goes on remembering after starting afresh").isEqualTo(10);
  }

  @Test
  void anOutcomeOutsideWhatASlotHolds_isRefused() {
    TokenPairMemo memo = new TokenPairMemo();
    assertThatThrownBy(() -> memo.remember("a", "b", true, TokenPairMemo.OUTCOMES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> memo.remember("a", "b", true, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
