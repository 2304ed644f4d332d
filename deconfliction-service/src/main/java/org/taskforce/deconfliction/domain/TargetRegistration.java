package org.taskforce.deconfliction.domain;

import java.time.Instant;
import java.util.List;

/**
 * A target an agency has registered: its selectors, whom to call, and how much to disclose; {@code
 * statusReason} is why it was withdrawn, as its owner said; {@code requestId} is the request id it
 * was created with (empty without one): case-service registers a subject under the subject's id and
 * finds the subject by it when the registration's conflicts change.
 */
public record TargetRegistration(
    String id,
    Agency agency,
    List<NormalizedSelector> selectors,
    Contact contact,
    String caseReference,
    Disclosure disclosure,
    Instant expireTime,
    RegistrationStatus status,
    Stamp created,
    Stamp updated,
    long version,
    String statusReason,
    String requestId)
    implements Registration {
  public TargetRegistration {
    selectors = List.copyOf(selectors);
    statusReason = statusReason == null ? "" : statusReason;
    requestId = requestId == null ? "" : requestId;
  }

  /** Withdrawn by its owner, for the reason given. */
  public TargetRegistration withdrawn(String reason, Stamp updated) {
    return revised(
        selectors,
        contact,
        caseReference,
        disclosure,
        expireTime,
        RegistrationStatus.WITHDRAWN,
        updated,
        reason);
  }

  /** Whether it takes part in matching at {@code now}. */
  public boolean matchable(Instant now) {
    return status == RegistrationStatus.ACTIVE && expireTime.isAfter(now);
  }

  /** Changed by its owner or a job; a reason is kept only while it stays withdrawn. */
  public TargetRegistration with(
      List<NormalizedSelector> selectors,
      Contact contact,
      String caseReference,
      Disclosure disclosure,
      Instant expireTime,
      RegistrationStatus status,
      Stamp updated) {
    return revised(
        selectors,
        contact,
        caseReference,
        disclosure,
        expireTime,
        status,
        updated,
        status == RegistrationStatus.WITHDRAWN ? statusReason : "");
  }

  /** The next version: what may change, changed; who created it, and under which request, kept. */
  private TargetRegistration revised(
      List<NormalizedSelector> selectors,
      Contact contact,
      String caseReference,
      Disclosure disclosure,
      Instant expireTime,
      RegistrationStatus status,
      Stamp updated,
      String statusReason) {
    return new TargetRegistration(
        id,
        agency,
        selectors,
        contact,
        caseReference,
        disclosure,
        expireTime,
        status,
        created,
        updated,
        version + 1,
        statusReason,
        requestId);
  }
}
