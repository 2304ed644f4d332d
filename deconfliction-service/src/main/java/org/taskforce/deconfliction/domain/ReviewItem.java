package org.taskforce.deconfliction.domain;

import java.time.Instant;
import java.util.List;

/**
 * A POSSIBLE match waiting for a watch officer; one per pair of registrations (same id scheme as
 * {@link Conflict}), so a rejected pair is remembered and never raised again.
 */
public record ReviewItem(
    String id,
    double score,
    List<String> reasons,
    List<Conflict.Side> sides,
    List<TargetSelector> comparedSelectors,
    Status status,
    Instant createTime,
    Stamp decided,
    String decisionNote,
    String conflictId,
    long version) {

  public enum Status {
    PENDING,
    CONFIRMED,
    REJECTED
  }

  public ReviewItem {
    reasons = List.copyOf(reasons);
    sides = List.copyOf(sides);
    comparedSelectors = List.copyOf(comparedSelectors);
  }

  /** The same item, its sides now {@code sides} (a new version). */
  public ReviewItem withSides(List<Conflict.Side> sides) {
    return next(sides, status, decided, decisionNote, conflictId);
  }

  /** Decided ({@code status}) by {@code stamp} with {@code note}; a confirmation's conflict id. */
  public ReviewItem decidedAs(Status status, Stamp stamp, String note, String conflictId) {
    return next(sides, status, stamp, note, conflictId);
  }

  private ReviewItem next(
      List<Conflict.Side> sides,
      Status status,
      Stamp decided,
      String decisionNote,
      String conflictId) {
    return new ReviewItem(
        id,
        score,
        reasons,
        sides,
        comparedSelectors,
        status,
        createTime,
        decided,
        decisionNote,
        conflictId,
        version + 1);
  }

  public static String idFor(String registrationA, String registrationB) {
    return "r-" + Conflict.pairHash("REVIEW", registrationA, registrationB);
  }
}
