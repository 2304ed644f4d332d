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

  public TargetRegistration(
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
      long version) {
    this(
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
        version,
        "",
        "");
  }

  /** Withdrawn by its owner, for the reason given. */
  public TargetRegistration withdrawn(String reason, Stamp updated) {
    return changed(RegistrationStatus.WITHDRAWN, updated, version + 1, reason, requestId);
  }

  /** The same registration, remembering the request id it was created with. */
  public TargetRegistration withRequestId(String requestId) {
    return changed(status, updated, version, statusReason, requestId);
  }

  /** What it registers as it is, in another state. */
  private TargetRegistration changed(
      RegistrationStatus status,
      Stamp updated,
      long version,
      String statusReason,
      String requestId) {
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
        version,
        statusReason,
        requestId);
  }

  /** Whether it takes part in matching at {@code now}. */
  public boolean matchable(Instant now) {
    return status == RegistrationStatus.ACTIVE && expireTime.isAfter(now);
  }

  public TargetRegistration with(
      List<NormalizedSelector> selectors,
      Contact contact,
      String caseReference,
      Disclosure disclosure,
      Instant expireTime,
      RegistrationStatus status,
      Stamp updated) {
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
        status == RegistrationStatus.WITHDRAWN ? statusReason : "",
        requestId);
  }
}
