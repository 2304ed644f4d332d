package org.taskforce.cases.reporting.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.taskforce.cases.application.CaseRules;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.domain.TrainingSession;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * Training and outreach sessions: recorded by the task force's people (investigators, commanders,
 * victim advocates, grant managers) for their agency, listed to all of them. Nothing in a session
 * is sensitive (title, audience, date, number of attendees), so every person of the task force
 * reads every session.
 */
public final class Trainings {
  private static final String[] RECORDERS = {
    Roles.INVESTIGATOR, Roles.COMMANDER, Roles.VICTIM_ADVOCATE, Roles.GRANT_MANAGER
  };

  private final TrainingStore store;
  private final AuditTrail audit;
  private final ZoneId zone;
  private final Clock clock;

  public Trainings(TrainingStore store, AuditTrail audit, ZoneId zone, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.zone = zone;
    this.clock = clock;
  }

  public TrainingSession create(AgencyPrincipal caller, CreateTraining cmd) {
    if (caller.kind() != AgencyPrincipal.Kind.USER || !caller.hasAnyRole(RECORDERS)) {
      audit.record(
          caller,
          "TRAINING_RECORDED",
          "trainingSessions",
          Outcome.DENIED,
          CallerContext.purpose(),
          Map.of());
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "this needs one of the roles " + String.join(", ", RECORDERS));
    }
    if (cmd.date().isAfter(LocalDate.now(clock.withZone(zone)))) {
      throw TaskforceException.invalidArgument(
          "training_session.session_date", "must not be in the future (record sessions given)");
    }
    String id = Ids.of("t", cmd.requestId(), caller.agencyId(), caller.subject());
    var existing = store.get(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    TrainingSession session =
        new TrainingSession(
            id,
            cmd.title(),
            cmd.audience(),
            cmd.date(),
            cmd.attendees(),
            caller.agencyId(),
            CaseRules.stampOf(caller, clock));
    if (!store.insertIfAbsent(session)) {
      return store.get(id).orElseThrow();
    }
    audit.record(
        caller,
        "TRAINING_RECORDED",
        "trainingSessions/" + id,
        Outcome.SUCCESS,
        CallerContext.purpose(),
        Map.of("summary", "training session recorded: " + cmd.audience()));
    return session;
  }

  public Page<TrainingSession> list(AgencyPrincipal caller, int pageSize, String pageToken) {
    if (caller.kind() != AgencyPrincipal.Kind.USER) {
      throw TaskforceException.permissionDenied(
          "PEOPLE_ONLY", "training sessions are listed to the task force's people");
    }
    return store.list(pageSize, pageToken);
  }
}
