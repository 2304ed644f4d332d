package org.taskforce.deconfliction.application;

import java.util.Optional;
import org.taskforce.deconfliction.domain.Registration;

/** The writes target registrations and planned operations share ({@link RegistrationWrites}). */
public interface RegistrationStore<R extends Registration> {
  /** Inserts; false when a registration with this id exists already (a retried create). */
  boolean insert(R registration);

  Optional<R> find(String id);

  /** Replaces when the stored version is {@code expectedVersion}; false when it moved on. */
  boolean replace(R registration, long expectedVersion);
}
