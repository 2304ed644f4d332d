package org.taskforce.deconfliction.application;

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
   * Conflicts newest first; {@code agencyId} null for every agency (watch officers), otherwise
   * those where the agency is a side.
   */
  Page<Conflict> list(
      String agencyId,
      Set<Conflict.Status> statuses,
      Set<Conflict.Kind> kinds,
      int size,
      String token);
}
