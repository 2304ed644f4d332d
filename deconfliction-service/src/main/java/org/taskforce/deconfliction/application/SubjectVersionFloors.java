package org.taskforce.deconfliction.application;

/**
 * What purged conflicts and review items had counted towards a surviving registration's {@link
 * SubjectStates} version. The version is the sum of the versions of the registration's conflicts
 * and review items; a purge deletes some of them, so before it does, it raises the registration's
 * floor by more than it takes away, and the announced version only ever grows.
 */
public interface SubjectVersionFloors {
  /** 0 for a registration none of whose conflicts or review items was ever purged. */
  long of(String registrationId);

  /** Adds {@code by} (positive) to the registration's floor, creating it at 0 if absent. */
  void raise(String registrationId, long by);

  /** The registration itself is purged: its floor goes with it. */
  void forget(String registrationId);
}
