package org.taskforce.deconfliction.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.domain.IndexEntry;

/**
 * The candidate index: for each blocking key (selector keys, person keys, event cells) the
 * registrations stored under it. Every replica reads and writes the same index, so every replica
 * sees every registration.
 */
public interface MatchIndex {
  /** Adds entries: key → entry. Idempotent. */
  void add(Map<String, IndexEntry> entries);

  /** Removes entries exactly as they were added. Idempotent. */
  void remove(Map<String, IndexEntry> entries);

  /**
   * Moves a registration from its old entries to its new ones: adds first, then removes what is no
   * longer there, so it never drops out of the index in between.
   */
  default void move(Map<String, IndexEntry> before, Map<String, IndexEntry> after) {
    add(after);
    Map<String, IndexEntry> gone = new java.util.LinkedHashMap<>(before);
    after.forEach(gone::remove);
    remove(gone);
  }

  /**
   * Removes a registration's retired entries (see {@link PendingRegistrations#retired}) that its
   * current entries do not have. Idempotent.
   */
  default void removeRetired(
      List<PendingRegistrations.Retired> retired, Map<String, IndexEntry> current) {
    for (PendingRegistrations.Retired r : retired) {
      if (!r.entry().equals(current.get(r.key()))) {
        remove(Map.of(r.key(), r.entry()));
      }
    }
  }

  /**
   * Walks the whole index in batches and removes the entries {@code stale} names for each batch
   * (key → entries); returns how many were removed. For the operator's rebuild, not the hot path.
   */
  int prune(
      java.util.function.Function<Map<String, List<IndexEntry>>, Map<String, List<IndexEntry>>>
          stale);

  /** The entries under each of the keys (keys without any are left out). */
  Map<String, List<IndexEntry>> lookup(Collection<String> keys);
}
