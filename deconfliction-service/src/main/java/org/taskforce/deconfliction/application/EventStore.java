package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.RegistrationStatus;

/** Where event registrations live. */
public interface EventStore extends RegistrationStore<EventRegistration> {
  List<EventRegistration> findAll(Collection<String> ids);

  /**
   * The agency's events by start, optionally only those overlapping [from, to), after {@code
   * position} ({@link #position}).
   */
  List<EventRegistration> list(
      String agencyId,
      Set<RegistrationStatus> statuses,
      Instant from,
      Instant to,
      List<String> position,
      int limit);

  static List<String> position(EventRegistration r) {
    return List.of(String.valueOf(r.plan().start().toEpochMilli()), r.id());
  }

  /** Events that ended before {@code before} (whatever their status). */
  List<EventRegistration> endedBefore(Instant before, int limit);

  void delete(String id);

  /** Every event that takes part in matching at {@code now} (for an index rebuild). */
  void forEachMatchable(Instant now, java.util.function.Consumer<EventRegistration> action);
}
