package org.taskforce.deconfliction.domain;

import java.util.List;

/** A planned operation an agency has registered; {@code statusReason}: why it was cancelled. */
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
    long version,
    String statusReason)
    implements Registration {
  public EventRegistration {
    linkedTargetIds = List.copyOf(linkedTargetIds);
    statusReason = statusReason == null ? "" : statusReason;
  }

  /** Cancelled by its owner, for the reason given. */
  public EventRegistration cancelled(String reason, Stamp updated) {
    return new EventRegistration(
        id,
        agency,
        type,
        plan,
        address,
        contact,
        linkedTargetIds,
        caseReference,
        disclosure,
        RegistrationStatus.CANCELLED,
        created,
        updated,
        version + 1,
        reason);
  }

  public boolean matchable(java.time.Instant now) {
    return status == RegistrationStatus.ACTIVE && plan.end().isAfter(now);
  }
}
