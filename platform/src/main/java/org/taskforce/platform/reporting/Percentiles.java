package org.taskforce.platform.reporting;

import java.util.Arrays;

/** Nearest-rank percentiles of durations: the value at or below which p % of them lie. */
public final class Percentiles {
  private Percentiles() {}

  /** The p-th percentile (0 &lt; p ≤ 100) of {@code values}; 0 when there are none. */
  public static long of(long[] values, int p) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Per mille of {@code values} at least {@code threshold}; 0 when there are none. */
  public static long shareAtLeast(long[] values, long threshold) {
    if (values.length == 0) {
      return 0;
    }
    long n = Arrays.stream(values).filter(v -> v >= threshold).count();
    return Math.round(n * 1000.0 / values.length);
  }
}
