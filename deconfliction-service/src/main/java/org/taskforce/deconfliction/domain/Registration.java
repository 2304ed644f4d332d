package org.taskforce.deconfliction.domain;

import java.time.Instant;

/**
 * What target registrations and planned operations have in common: an owner, whom to call, how much
 * to disclose, a version and whether they take part in matching now.
 */
public interface Registration {
  String id();

  Agency agency();

  Contact contact();

  Disclosure disclosure();

  RegistrationStatus status();

  Stamp created();

  long version();

  /** Why its owner withdrew or cancelled it ("" while it is not). */
  String statusReason();

  boolean matchable(Instant now);
}
