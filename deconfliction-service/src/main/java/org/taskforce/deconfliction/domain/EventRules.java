package org.taskforce.deconfliction.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When two operations conflict, and how the event index finds candidates without geo queries.
 *
 * <p>Two operations conflict when their circles, each widened by {@code bufferMeters}/2, intersect
 * (centre distance ≤ r1 + r2 + buffer) and their time windows, each widened by {@code
 * timeBuffer}/2, overlap. The index stores each event under every grid cell (of {@code
 * cellDegrees}) that its widened bounding box touches, for every UTC day its widened window
 * touches; an ask looks up the same cells and days of its own widened box and window. Two
 * conflicting events always share a (cell, day) key, so the index never misses one; the exact test
 * above then removes the rest.
 *
 * @param bufferMeters extra distance between two circles still counted as a conflict
 * @param timeBuffer extra time between two windows still counted as a conflict
 * @param maxRadiusMeters the largest operation radius accepted
 * @param maxDuration the longest operation window accepted
 * @param cellDegrees grid cell size in degrees of latitude and longitude
 */
public record EventRules(
    double bufferMeters,
    Duration timeBuffer,
    double maxRadiusMeters,
    Duration maxDuration,
    double cellDegrees) {
  public static final EventRules DEFAULTS =
      new EventRules(200, Duration.ofHours(1), 5_000, Duration.ofDays(14), 0.05);
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  /** The conflict between two plans, or empty when they are apart in space or time. */
  public Optional<EventOverlap> overlap(EventPlan a, EventPlan b) {
    double distance = distanceMeters(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    if (distance > a.radiusMeters() + b.radiusMeters() + bufferMeters) {
      return Optional.empty();
    }
    Duration gap = gap(a, b);
    if (gap.compareTo(timeBuffer) > 0) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    reasons.add(
        distance <= a.radiusMeters() + b.radiusMeters()
            ? String.format("operation areas overlap (centres %.0f m apart)", distance)
            : String.format(
                "operation areas within %.0f m of each other (centres %.0f m apart)",
                bufferMeters, distance));
    reasons.add(
        gap.isZero()
            ? "time windows overlap"
            : "time windows "
                + gap.toMinutes()
                + " min apart (within "
                + timeBuffer.toMinutes()
                + " min)");
    Instant deadline = a.start().isBefore(b.start()) ? a.start() : b.start();
    double closeness =
        1 - Math.min(1, distance / (a.radiusMeters() + b.radiusMeters() + bufferMeters + 1));
    double score = Math.round((0.5 + 0.5 * closeness) * 1000) / 1000.0;
    return Optional.of(new EventOverlap(distance, deadline, score, reasons));
  }

  private static Duration gap(EventPlan a, EventPlan b) {
    if (a.end().isBefore(b.start()) || a.end().equals(b.start())) {
      return Duration.between(a.end(), b.start());
    }
    if (b.end().isBefore(a.start()) || b.end().equals(a.start())) {
      return Duration.between(b.end(), a.start());
    }
    return Duration.ZERO;
  }

  /** Great-circle distance (haversine). */
  public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** The index keys of a plan: "ev:&lt;lat cell&gt;:&lt;lon cell&gt;:&lt;UTC day&gt;". */
  public Set<String> cellKeys(EventPlan plan) {
    double reach = plan.radiusMeters() + bufferMeters / 2 + 1;
    double dLat = Math.toDegrees(reach / EARTH_RADIUS_M);
    double cosLat =
        Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(plan.latitude()) + dLat))));
    double dLon = Math.toDegrees(reach / (EARTH_RADIUS_M * cosLat));
    long latFrom = cell(plan.latitude() - dLat);
    long latTo = cell(plan.latitude() + dLat);
    long lonFrom = cell(plan.longitude() - dLon);
    long lonTo = cell(plan.longitude() + dLon);
    Duration half = timeBuffer.dividedBy(2);
    long dayFrom = plan.start().minus(half).truncatedTo(ChronoUnit.DAYS).getEpochSecond() / 86_400;
    long dayTo = plan.end().plus(half).truncatedTo(ChronoUnit.DAYS).getEpochSecond() / 86_400;
    Set<String> keys = new LinkedHashSet<>();
    for (long la = latFrom; la <= latTo; la++) {
      for (long lo = lonFrom; lo <= lonTo; lo++) {
        for (long d = dayFrom; d <= dayTo; d++) {
          keys.add("ev:" + la + ":" + lo + ":" + d);
        }
      }
    }
    return keys;
  }

  private long cell(double degrees) {
    return (long) Math.floor(degrees / cellDegrees);
  }

  /** How two planned operations conflict. */
  public record EventOverlap(
      double distanceMeters, Instant deadline, double score, List<String> reasons) {
    public EventOverlap {
      reasons = List.copyOf(reasons);
    }
  }
}
