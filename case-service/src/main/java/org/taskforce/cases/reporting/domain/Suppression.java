package org.taskforce.cases.reporting.domain;

import java.util.Arrays;

/**
 * Small-count suppression of victim tables, so that no person can be recognised from a count.
 *
 * <ol>
 *   <li>Primary: a count from 1 to {@code threshold - 1} is withheld ("fewer than 5"). Zero is
 *       shown: it names nobody.
 *   <li>A withheld total withholds every cell that adds up to it: otherwise the cells would give it
 *       back.
 *   <li>Complementary: cells that add up to a shown total (a partition: adult + minor = victims)
 *       may not have exactly one withheld cell, or the total minus the shown cells would give it
 *       back; nor withheld cells that together make fewer than the threshold (their sum is the
 *       total minus the shown cells). The smallest other cells are withheld until neither holds.
 * </ol>
 *
 * Cells that do not add up to a total (services: one person gets several) only get rule 1.
 */
public final class Suppression {
  private Suppression() {}

  /** Primary rule only: whether one count is withheld. */
  public static boolean small(long count, int threshold) {
    return count > 0 && count < threshold;
  }

  /**
   * Which cells of a partition to withhold.
   *
   * @param totalWithheld whether the partition's total is withheld already
   * @return one flag per cell, in the cells' order
   */
  public static boolean[] partition(long[] cells, boolean totalWithheld, int threshold) {
    boolean[] withheld = new boolean[cells.length];
    if (totalWithheld) {
      Arrays.fill(withheld, true);
      return withheld;
    }
    int count = 0;
    long sum = 0;
    for (int i = 0; i < cells.length; i++) {
      if (small(cells[i], threshold)) {
        withheld[i] = true;
        count++;
        sum += cells[i];
      }
    }
    // One withheld cell is the total minus the others; several that add up to fewer than the
    // threshold are a small group all the same. Withhold the smallest other cells until neither.
    while (count > 0 && (count == 1 || sum < threshold)) {
      int smallest = -1;
      for (int i = 0; i < cells.length; i++) {
        if (!withheld[i] && (smallest < 0 || cells[i] < cells[smallest])) {
          smallest = i;
        }
      }
      if (smallest < 0) {
        break;
      }
      withheld[smallest] = true;
      count++;
      sum += cells[smallest];
    }
    return withheld;
  }
}
