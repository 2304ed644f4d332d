package org.taskforce.deconfliction.domain;

import java.util.List;

/** A planned operation an agency has registered. */
public record EventRegistration(
    String id,
    Agency agency,
    EventType type,
    EventPlan plan,
    PostalAddress address,
    Contact contact,
    List<String> linkedTargetIds,
    String caseReference,
    Disclosure disclosure,
    RegistrationStatus status,
    Stamp created,
    Stamp updated,
    long version) {
  public EventRegistration {
    linkedTargetIds = List.copyOf(linkedTargetIds);
  }

  public boolean matchable(java.time.Instant now) {
    return status == RegistrationStatus.ACTIVE && plan.end().isAfter(now);
  }
}
