package org.taskforce.cases.application;

import java.util.Optional;
import org.taskforce.cases.domain.Victim;

/** The victim compartment: its own collection, read only through {@link Victims}. */
public interface VictimStore {
  boolean insertIfAbsent(Victim v);

  Optional<Victim> get(String id);

  boolean replace(Victim next, long expectedVersion);

  Page<Victim> list(String caseId, int size, String token);

  /** Counts without identities: victims and minors of a case. */
  Counts counts(String caseId);

  record Counts(int victims, int minors) {}
}
