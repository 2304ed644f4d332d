package org.taskforce.deconfliction.application;

import java.time.Clock;
import org.taskforce.deconfliction.domain.Registration;
import org.taskforce.platform.faults.WriteSeams;

/**
 * What every registration's writes go through ({@link RegistrationWrites}): the match index,
 * pending marks, crash seams, the other sides of its conflicts, and the clock.
 */
public record RegistrationWriting(
    MatchIndex index,
    PendingRegistrations pending,
    WriteSeams seams,
    ConflictSides sides,
    Clock clock) {

  <R extends Registration> RegistrationWrites<R> of(
      RegistrationWrites.Kind<R> kind, RegistrationStore<R> store) {
    return new RegistrationWrites<>(kind, store, this);
  }
}
