package org.taskforce.cases.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuppressionTest {
  private static boolean[] cells(boolean totalWithheld, long... cells) {
    return Suppression.partition(cells, totalWithheld, 5);
  }

  @Test
  void nothingSmall_nothingWithheld_zerosShown() {
    assertThat(cells(false, 7, 0, 12)).containsExactly(false, false, false);
  }

  @Test
  void oneSmallCell_takesTheSmallestOtherWithIt() {
    assertThat(cells(false, 9, 1)).containsExactly(true, true);
    // 3 alone could be recovered as 20 - 17 - 0; with the 0 withheld, 3 = a + b is still a small
    // group, so the next smallest (17) goes too
    assertThat(cells(false, 17, 3, 0)).containsExactly(true, true, true);
  }

  @Test
  void smallCellsThatTogetherReachTheThreshold_needNoComplement() {
    assertThat(cells(false, 5, 3, 2)).containsExactly(false, true, true);
    assertThat(cells(false, 4, 1, 0, 0)).containsExactly(true, true, false, false);
  }

  @Test
  void aWithheldTotal_withholdsEveryCell() {
    assertThat(cells(true, 0, 9)).containsExactly(true, true);
  }

  @Test
  void withheldCells_cannotBeRecoveredByAnySubtraction() {
    // brute force: for every partition of small sizes, the withheld cells are either none or at
    // least two that together make at least the threshold (or everything is withheld)
    for (int a = 0; a < 9; a++) {
      for (int b = 0; b < 9; b++) {
        for (int c = 0; c < 9; c++) {
          long[] v = {a, b, c};
          boolean[] w = Suppression.partition(v, false, 5);
          int count = 0;
          long sum = 0;
          boolean all = true;
          for (int i = 0; i < 3; i++) {
            if (w[i]) {
              count++;
              sum += v[i];
            } else {
              all = false;
              assertThat(Suppression.small(v[i], 5)).isFalse();
            }
          }
          if (count > 0 && !all) {
            assertThat(count).as("%d %d %d", a, b, c).isGreaterThan(1);
            assertThat(sum).as("%d %d %d", a, b, c).isGreaterThanOrEqualTo(5);
          }
        }
      }
    }
  }
}
