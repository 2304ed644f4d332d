package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.RegistrationStatus;

/** Where event registrations live. */
public interface EventStore {
  boolean insert(EventRegistration registration);

  Optional<EventRegistration> find(String id);

  List<EventRegistration> findAll(Collection<String> ids);

  boolean replace(EventRegistration registration, long expectedVersion);

  /** The agency's events, optionally only those overlapping [from, to). */
  Page<EventRegistration> list(
      String agencyId,
      Set<RegistrationStatus> statuses,
      Instant from,
      Instant to,
      int size,
      String token);

  /** Events that ended before {@code before} (whatever their status). */
  List<EventRegistration> endedBefore(Instant before, int limit);

  void delete(String id);
}
