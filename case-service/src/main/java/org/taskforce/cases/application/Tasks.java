package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.TaskStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Case tasks. LEAD, SUPPORTING and PROSECUTION participants create them for any active agency; the
 * lead and the creating agency change anything, the assignee agency moves its task along (status,
 * officer).
 */
public final class Tasks {
  private final CaseStore cases;
  private final TaskStore store;
  private final CaseNotices notices;
  private final CaseAudit audit;
  private final ZoneId zone;
  private final Clock clock;

  public Tasks(
      CaseStore cases,
      TaskStore store,
      CaseNotices notices,
      CaseAudit audit,
      ZoneId zone,
      Clock clock) {
    this.cases = cases;
    this.store = store;
    this.notices = notices;
    this.audit = audit;
    this.zone = zone;
    this.clock = clock;
  }

  /** Task fields; in an update, null means "leave as it is". */
  public record Fields(
      String title,
      String description,
      String assigneeAgencyId,
      String assigneeSubject,
      LocalDate dueDate,
      TaskStatus status) {}

  public CaseTask create(AgencyPrincipal caller, String caseId, Fields f, String requestId) {
    return audit.guarded(
        caller,
        caseId,
        "TASK_CREATED",
        () -> {
          Violations violations = new Violations();
          violations.requireText("task.title", f.title());
          violations.requireText("task.assignee_agency_id", f.assigneeAgencyId());
          validate(violations, f);
          violations.throwIfAny();
          JointCase jointCase =
              CaseView.load(cases, caller, caseId).require(CaseView.TASKING, CaseView.ACTORS).c();
          CaseRules.requireNotClosed(jointCase);
          requireAssignee(jointCase, f.assigneeAgencyId());
          String id = Ids.of("t", requestId, caseId, caller.agencyId());
          var existing = store.get(id);
          if (existing.isPresent()) {
            return existing.get();
          }
          Stamp now = CaseRules.stampOf(caller, clock);
          CaseTask t =
              new CaseTask(
                  id,
                  caseId,
                  f.title().strip(),
                  f.description() == null ? "" : f.description().strip(),
                  f.assigneeAgencyId(),
                  f.assigneeSubject() == null ? "" : f.assigneeSubject().strip(),
                  f.dueDate(),
                  TaskStatus.OPEN,
                  now,
                  now,
                  1,
                  List.of());
          if (!notices.announcing(
              List.of(notices.taskAssigned(jointCase, t)), () -> store.insertIfAbsent(t))) {
            return store.get(id).orElseThrow();
          }
          audit.success(
              caller,
              caseId,
              "TASK_CREATED",
              CaseAudit.resource(caseId) + "/tasks/" + id,
              "task assigned to " + t.assigneeAgencyId());
          return t;
        });
  }

  public CaseTask update(
      AgencyPrincipal caller, String caseId, String taskId, long expectedVersion, Fields f) {
    return audit.guarded(
        caller,
        caseId,
        "TASK_UPDATED",
        () -> {
          Violations violations = new Violations();
          violations.check(
              f.title() == null || !f.title().isBlank(), "task.title", "must not be empty");
          violations.check(
              f.assigneeAgencyId() == null || !f.assigneeAgencyId().isBlank(),
              "task.assignee_agency_id",
              "must not be empty");
          validate(violations, f);
          violations.throwIfAny();
          CaseView view =
              CaseView.load(cases, caller, caseId).require(CaseView.ANY, CaseView.ACTORS);
          JointCase jointCase = view.c();
          CaseTask t =
              store
                  .get(taskId)
                  .filter(x -> x.caseId().equals(caseId))
                  .orElseThrow(() -> TaskforceException.notFound("task", taskId));
          boolean full =
              view.role().orElseThrow() == ParticipantRole.LEAD
                  || caller.belongsTo(t.created().agencyId());
          boolean assignee = caller.belongsTo(t.assigneeAgencyId());
          boolean onlyProgress =
              f.title() == null
                  && f.description() == null
                  && f.assigneeAgencyId() == null
                  && f.dueDate() == null;
          if (!full && !(assignee && onlyProgress)) {
            throw TaskforceException.permissionDenied(
                "TASK_NOT_YOURS",
                "the lead and the creating agency change a task; the assignee agency moves its"
                    + " status and officer");
          }
          if (t.version() != expectedVersion) {
            throw TaskforceException.staleEtag("task", taskId);
          }
          if (f.assigneeAgencyId() != null) {
            requireAssignee(jointCase, f.assigneeAgencyId());
          }
          CaseTask changed =
              new CaseTask(
                  t.id(),
                  t.caseId(),
                  f.title() != null ? f.title().strip() : t.title(),
                  f.description() != null ? f.description().strip() : t.description(),
                  f.assigneeAgencyId() != null ? f.assigneeAgencyId() : t.assigneeAgencyId(),
                  f.assigneeSubject() != null ? f.assigneeSubject().strip() : t.assigneeSubject(),
                  f.dueDate() != null ? f.dueDate() : t.dueDate(),
                  f.status() != null ? f.status() : t.status(),
                  t.created(),
                  CaseRules.stampOf(caller, clock),
                  t.version() + 1,
                  t.changes());
          boolean reassigned =
              !changed.assigneeAgencyId().equals(t.assigneeAgencyId())
                  || !changed.assigneeSubject().equals(t.assigneeSubject());
          CaseTask next = reassigned ? changed.recording(Ids.of("x", null)) : changed;
          notices.announcing(
              reassigned ? List.of(notices.taskAssigned(jointCase, next)) : List.of(),
              () -> {
                if (!store.replace(next, expectedVersion)) {
                  throw TaskforceException.staleEtag("task", taskId);
                }
                return true;
              });
          audit.success(
              caller,
              caseId,
              "TASK_UPDATED",
              CaseAudit.resource(caseId) + "/tasks/" + taskId,
              "task " + next.status() + ", assigned to " + next.assigneeAgencyId());
          return next;
        });
  }

  public Page<CaseTask> list(
      AgencyPrincipal caller,
      String caseId,
      String assigneeAgencyId,
      Set<TaskStatus> statuses,
      int size,
      String token) {
    return audit.guarded(
        caller,
        caseId,
        "TASKS_READ",
        () -> {
          CaseView.load(cases, caller, caseId).requireRead();
          Page<CaseTask> page =
              store.list(
                  caseId,
                  assigneeAgencyId == null || assigneeAgencyId.isBlank() ? null : assigneeAgencyId,
                  statuses,
                  size,
                  token);
          audit.success(
              caller,
              caseId,
              "TASKS_READ",
              CaseAudit.resource(caseId) + "/tasks",
              page.items().size() + " tasks listed");
          return page;
        });
  }

  private void validate(Violations violations, Fields f) {
    Ids.checkLength(violations, "task.assignee_agency_id", f.assigneeAgencyId());
    violations.check(
        f.title() == null || f.title().length() <= 200, "task.title", "at most 200 characters");
    violations.check(
        f.description() == null || f.description().length() <= 4000,
        "task.description",
        "at most 4000 characters");
    violations.check(
        f.assigneeSubject() == null || f.assigneeSubject().length() <= 100,
        "task.assignee_subject",
        "at most 100 characters");
    LocalDate today = LocalDate.now(clock.withZone(zone));
    violations.check(
        f.dueDate() == null || !f.dueDate().isBefore(today),
        "task.due_date",
        "must not be before today (" + today + ")");
  }

  private static void requireAssignee(JointCase jointCase, String agencyId) {
    if (jointCase.activeRole(agencyId).isEmpty()) {
      throw TaskforceException.invalidArgument(
          "task.assignee_agency_id", "'" + agencyId + "' is not an active participant of the case");
    }
  }
}
