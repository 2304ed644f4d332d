package org.taskforce.deconfliction.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A conflict between two registrations of different agencies, stored once per pair: its id is a
 * hash of the kind and the two registration ids in sorted order, so two replicas that find the same
 * pair at the same moment write the same document and only one insert succeeds.
 */
public record Conflict(
    String id,
    Kind kind,
    Tier tier,
    double score,
    List<String> reasons,
    Status status,
    List<Side> sides,
    Instant deadline,
    Resolution resolution,
    String resolutionNote,
    Stamp resolved,
    Instant createTime,
    boolean escalated,
    long version) {

  public enum Kind {
    TARGET,
    EVENT
  }

  public enum Status {
    NEW,
    ACKNOWLEDGED,
    RESOLVED
  }

  public enum Resolution {
    PROCEED,
    JOINT_OPERATION,
    DELAY,
    CANCEL
  }

  /**
   * One side: the registration, its owner and contact, and when that side acknowledged, with what
   * it said then.
   */
  public record Side(
      Agency agency,
      String registrationId,
      Contact contact,
      Disclosure disclosure,
      Stamp acknowledged,
      String acknowledgementNote) {
    public Side {
      acknowledgementNote = acknowledgementNote == null ? "" : acknowledgementNote;
    }

    public Side(
        Agency agency,
        String registrationId,
        Contact contact,
        Disclosure disclosure,
        Stamp acknowledged) {
      this(agency, registrationId, contact, disclosure, acknowledged, "");
    }

    public Side acknowledge(Stamp stamp, String note) {
      return new Side(agency, registrationId, contact, disclosure, stamp, note);
    }
  }

  public Conflict {
    reasons = List.copyOf(reasons);
    sides = List.copyOf(sides);
  }

  /** The same conflict, escalated to the watch officers (a new version). */
  public Conflict markEscalated() {
    return next(status, sides, resolution, resolutionNote, resolved, true);
  }

  /** The same conflict in {@code status}, its sides now {@code sides} (a new version). */
  public Conflict withSides(Status status, List<Side> sides) {
    return next(status, sides, resolution, resolutionNote, resolved, escalated);
  }

  /**
   * Resolved as {@code resolution}, by {@code stamp}, its sides now {@code sides} (a new version).
   */
  public Conflict resolvedAs(Resolution resolution, String note, Stamp stamp, List<Side> sides) {
    return next(Status.RESOLVED, sides, resolution, note, stamp, escalated);
  }

  /** The pair found as it was, in a new version with what happened since. */
  private Conflict next(
      Status status,
      List<Side> sides,
      Resolution resolution,
      String resolutionNote,
      Stamp resolved,
      boolean escalated) {
    return new Conflict(
        id,
        kind,
        tier,
        score,
        reasons,
        status,
        sides,
        deadline,
        resolution,
        resolutionNote,
        resolved,
        createTime,
        escalated,
        version + 1);
  }

  public static String idFor(Kind kind, String registrationA, String registrationB) {
    return "c-" + pairHash(kind.name(), registrationA, registrationB);
  }

  /** A short stable hash of a kind and an unordered pair. */
  public static String pairHash(String kind, String a, String b) {
    String first = a.compareTo(b) <= 0 ? a : b;
    String second = a.compareTo(b) <= 0 ? b : a;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((kind + ":" + first + ":" + second).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Side> sideOf(String agencyId) {
    return sides.stream().filter(s -> s.agency().id().equals(agencyId)).findFirst();
  }

  public Optional<Side> otherSide(String agencyId) {
    return sides.stream().filter(s -> !s.agency().id().equals(agencyId)).findFirst();
  }
}
