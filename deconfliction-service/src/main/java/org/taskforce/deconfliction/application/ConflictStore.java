package org.taskforce.deconfliction.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taskforce.deconfliction.domain.Conflict;

/** Conflicts, one document per pair. */
public interface ConflictStore {
  /** Inserts unless a conflict with this id exists; true when this call created it. */
  boolean insertIfAbsent(Conflict conflict);

  Optional<Conflict> find(String id);

  boolean exists(String id);

  boolean replace(Conflict conflict, long expectedVersion);

  /**
   * Conflicts newest first, after {@code position} (see {@link #position}); {@code reader} null for
   * every agency's (watch officers), otherwise only those the reader's agency may read as a side
   * ({@link DisclosurePolicy#readers}) — the query selects, nothing is filtered afterwards.
   */
  List<Conflict> list(
      String reader,
      Set<Conflict.Status> statuses,
      Set<Conflict.Kind> kinds,
      List<String> position,
      int limit);

  /** A conflict's place in {@link #list}'s order. */
  static List<String> position(Conflict c) {
    return List.of(String.valueOf(c.createTime().toEpochMilli()), c.id());
  }

  /** The conflicts one of whose sides is this registration. */
  List<Conflict> forRegistration(String registrationId);

  /**
   * Deletes the conflict if it is still at {@code expectedVersion} (a purge takes a registration's
   * conflicts along: they hold what was compared); false when it changed or is gone.
   */
  boolean delete(String id, long expectedVersion);

  /** Unresolved, not yet escalated conflicts whose deadline is at or before {@code by}. */
  List<Conflict> dueForEscalation(java.time.Instant by, int limit);
}
