package org.taskforce.cases.application;

import java.util.Optional;
import org.taskforce.cases.domain.JointCase;

/** Where cases live. */
public interface CaseStore {
  Optional<JointCase> get(String id);

  /** Stores a new case; false when a case with its id exists (a retried create). */
  boolean insertIfAbsent(JointCase c);

  /** Replaces the case if it is still at {@code expectedVersion}; false when it moved on. */
  boolean replace(JointCase next, long expectedVersion);

  Page<JointCase> list(CaseQuery query, int pageSize, String pageToken);

  /** The next number of a named sequence (1, 2, ...), safe across replicas. */
  long nextNumber(String sequence);
}
