package org.taskforce.cases.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Subject;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * A subject follows its conflicts: deconfliction-service announces, through its outbox, the state
 * of a registration whenever its conflicts or possible matches change (a conflict another agency
 * caused later, a resolution, a review decision). Delivery is at least once and in any order, so
 * this is idempotent and ordered by the announced version: an older or repeated state changes
 * nothing. A change of state is a timeline line, written first under an id naming the subject and
 * version, so a crash between the two writes neither loses nor doubles it.
 */
public final class SubjectConflicts {
  static final String ACTION = "SUBJECT_DECONFLICTION_CHANGED";
  private static final Set<DeconflictionState> ANNOUNCED =
      Set.of(
          DeconflictionState.REGISTERED_NO_CONFLICT,
          DeconflictionState.CONFLICT,
          DeconflictionState.POSSIBLE_MATCH_UNDER_REVIEW,
          DeconflictionState.CONFLICT_RESOLVED);

  private final SubjectStore store;
  private final AuditTrail trail;
  private final Clock clock;

  public SubjectConflicts(SubjectStore store, AuditTrail trail, Clock clock) {
    this.store = store;
    this.trail = trail;
    this.clock = clock;
  }

  /** What deconfliction announced; {@code requestId} is the subject id it registered under. */
  public record Announcement(
      String registrationId,
      String agencyId,
      String requestId,
      DeconflictionState state,
      long version,
      String summary) {}

  /** Records the announcement; false when no live subject of that agency has the registration. */
  public boolean record(AgencyPrincipal caller, Announcement announcement) {
    if (!caller.isService()) {
      throw TaskforceException.permissionDenied(
          "SERVICE_ONLY", "only deconfliction-service announces a registration's state");
    }
    Violations violations = new Violations();
    violations.check(!announcement.registrationId().isBlank(), "registration_id", "is required");
    violations.check(
        announcement.registrationId().length() <= 128, "registration_id", "at most 128 characters");
    violations.check(!announcement.agencyId().isBlank(), "agency_id", "is required");
    violations.check(
        announcement.agencyId().length() <= 128, "agency_id", "at most 128 characters");
    violations.check(
        announcement.requestId().length() <= 128, "request_id", "at most 128 characters");
    violations.check(
        announcement.state() != null && ANNOUNCED.contains(announcement.state()),
        "deconfliction_state",
        "must be REGISTERED_NO_CONFLICT, CONFLICT, POSSIBLE_MATCH_UNDER_REVIEW or CONFLICT_RESOLVED");
    violations.check(announcement.version() > 0, "state_version", "must be positive");
    violations.check(announcement.summary().length() <= 500, "summary", "at most 500 characters");
    violations.throwIfAny();
    Optional<Subject> found =
        announcement.requestId().isBlank() ? Optional.empty() : store.get(announcement.requestId());
    if (found.isEmpty()) {
      return false;
    }
    Subject subject = found.get();
    boolean ours =
        store
                .registrant(subject.id())
                .map(r -> r.agencyId().equals(announcement.agencyId()))
                .orElse(false)
            && (subject.registrationId().isEmpty()
                || subject.registrationId().equals(announcement.registrationId()));
    if (!ours
        || subject.isRemoved()
        || store.deconflictionVersion(subject.id()) >= announcement.version()) {
      return false;
    }
    if (subject.state() != announcement.state()) {
      trail.appendIfAbsent(
          new AuditEntry(
              timelineId(subject.id(), announcement.version()),
              clock.instant(),
              caller.subject(),
              caller.displayName(),
              caller.agencyId(),
              caller.clientId(),
              ACTION,
              CaseAudit.resource(subject.caseId()),
              AuditEntry.Outcome.SUCCESS,
              "",
              CallerContext.requestId(),
              Map.of(
                  CaseAudit.TARGET,
                  CaseAudit.resource(subject.caseId()) + "/subjects/" + subject.id(),
                  CaseAudit.SUMMARY,
                  "deconfliction: "
                      + announcement.state().name().toLowerCase(java.util.Locale.ROOT)
                      + " ("
                      + announcement.summary()
                      + ")")));
    }
    return store.recordDeconfliction(
        subject.id(), announcement.registrationId(), announcement.state(), announcement.version());
  }

  /**
   * The timeline line's id: fixed per subject and version (so a retry finds it) but opaque. The
   * version counts every change to the registration's conflicts and possible matches, including
   * ones the subject's agency may not read; shown as a number, its jumps would tell them apart.
   */
  static String timelineId(String subjectId, long version) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  (subjectId + "\n" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "subject-state:" + java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
