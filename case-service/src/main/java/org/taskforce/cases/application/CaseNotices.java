package org.taskforce.cases.application;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.taskforce.cases.domain.CaseChange;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.PendingNotices;

/**
 * What case-service tells people through notification-service: invitations, participants joining
 * and leaving, lead changes, task assignments, subjects added. Notices carry the case number and
 * title, which participants know anyway, and never victim data.
 *
 * <p>A notice is never lost and never sent for a change that did not happen: {@link #announcing}
 * prepares it in the outbox before the change is written and commits it after. A change refused
 * (stale etag) abandons it; a crash in between leaves it prepared, and the relay sends it only if
 * {@link #applied} finds the change stored — the case history or the task naming the change id that
 * ends the notice id ({@code ...#<change id>}), or the subject or task the notice is about.
 */
public final class CaseNotices implements PreparedNotices {
  private final PendingNotices notices;
  private final WriteSeams seams;
  private final CaseStore cases;
  private final TaskStore tasks;
  private final SubjectStore subjects;

  public CaseNotices(
      PendingNotices notices,
      WriteSeams seams,
      CaseStore cases,
      TaskStore tasks,
      SubjectStore subjects) {
    this.notices = notices;
    this.seams = seams;
    this.cases = cases;
    this.tasks = tasks;
    this.subjects = subjects;
  }

  /**
   * Prepares {@code announced}, runs {@code write} and commits them if it wrote (true); abandons
   * them if it did not (false) or was refused. Returns what {@code write} returned.
   */
  boolean announcing(List<Notice> announced, BooleanSupplier write) {
    announced.forEach(notices::prepare);
    seams.reached("notices.prepared");
    boolean written;
    try {
      written = write.getAsBoolean();
    } catch (TaskforceException refused) {
      announced.forEach(n -> notices.abandon(n.id()));
      throw refused;
    }
    if (!written) {
      announced.forEach(n -> notices.abandon(n.id()));
      return false;
    }
    seams.reached("change.written");
    announced.forEach(notices::commit);
    return true;
  }

  @Override
  public boolean owns(String resource) {
    return resource != null && resource.startsWith("cases/");
  }

  /**
   * For a notice prepared but never committed (the service stopped in between): whether the change
   * it announces was stored.
   */
  @Override
  public boolean applied(String noticeId, String resource) {
    String[] path = resource.split("/");
    if (path.length < 2 || !path[0].equals("cases")) {
      return true;
    }
    int hash = noticeId.lastIndexOf('#');
    String change = hash < 0 ? null : noticeId.substring(hash + 1);
    if (path.length >= 4 && path[2].equals("tasks")) {
      return tasks
          .get(path[3])
          .map(t -> change == null || t.changes().contains(change))
          .orElse(false);
    }
    if (path.length >= 4 && path[2].equals("subjects")) {
      return subjects.get(path[3]).isPresent();
    }
    return cases.get(path[1]).map(c -> change == null || c.recorded(change)).orElse(false);
  }

  // ---- the notices; a case change's notices name the change it records (its last history entry)

  Notice caseShared(JointCase c, String agencyId, String role, String leadName) {
    return Notice.of(
        "case-shared:" + c.id() + ":" + agencyId + ":" + c.version() + changeOf(c),
        "CASE_SHARED",
        "INFO",
        List.of(Notice.Recipient.agency(agencyId)),
        "Invitation to joint case " + c.number(),
        leadName + " invites your agency to join \"" + c.title() + "\" as " + role + ".",
        CaseAudit.resource(c.id()),
        Map.of("case_id", c.id(), "case_number", c.number(), "role", role));
  }

  /** A change every active participant but the actor's agency hears about; none if nobody. */
  List<Notice> caseUpdated(
      JointCase c, String actorAgency, String what, String title, String body) {
    List<Notice.Recipient> to = othersThan(c, actorAgency);
    if (to.isEmpty()) {
      return List.of();
    }
    return List.of(
        Notice.of(
            what + ":" + c.id() + ":" + c.version() + changeOf(c),
            "CASE_UPDATED",
            "INFO",
            to,
            title,
            body,
            CaseAudit.resource(c.id()),
            Map.of("case_id", c.id(), "case_number", c.number(), "change", what)));
  }

  /** A notice to one agency (e.g. the one removed from a case). */
  Notice toAgency(JointCase c, String agencyId, String what, String title, String body) {
    return Notice.of(
        what + ":" + c.id() + ":" + agencyId + ":" + c.version() + changeOf(c),
        "CASE_UPDATED",
        "INFO",
        List.of(Notice.Recipient.agency(agencyId)),
        title,
        body,
        CaseAudit.resource(c.id()),
        Map.of("case_id", c.id(), "case_number", c.number(), "change", what));
  }

  /** Other active participants hear that a subject was added; keyed by the subject. */
  List<Notice> subjectAdded(JointCase c, String subjectId, String actorAgency, String body) {
    List<Notice.Recipient> to = othersThan(c, actorAgency);
    if (to.isEmpty()) {
      return List.of();
    }
    return List.of(
        Notice.of(
            "subject-added:" + subjectId + ":" + c.id(),
            "CASE_UPDATED",
            "INFO",
            to,
            "Subject added to case " + c.number(),
            body,
            CaseAudit.resource(c.id()) + "/subjects/" + subjectId,
            Map.of("case_id", c.id(), "case_number", c.number(), "change", "subject-added")));
  }

  /** The assignee hears of a task; a change after creation names it (the task's last change). */
  Notice taskAssigned(JointCase c, CaseTask t) {
    String change = t.version() == 1 || t.changes().isEmpty() ? "" : "#" + t.changes().getLast();
    return Notice.of(
        "task-assigned:" + t.id() + ":" + t.version() + change,
        "TASK_ASSIGNED",
        "INFO",
        List.of(new Notice.Recipient(t.assigneeAgencyId(), "", t.assigneeSubject())),
        "Task on case " + c.number(),
        "\""
            + t.title()
            + "\" is assigned to "
            + (t.assigneeSubject().isEmpty() ? "your agency" : "you")
            + ".",
        CaseAudit.resource(c.id()) + "/tasks/" + t.id(),
        Map.of("case_id", c.id(), "case_number", c.number(), "task_id", t.id()));
  }

  private static List<Notice.Recipient> othersThan(JointCase c, String actorAgency) {
    return c.activeAgencies().stream()
        .filter(a -> !a.equals(actorAgency))
        .map(Notice.Recipient::agency)
        .toList();
  }

  private static String changeOf(JointCase c) {
    if (c.history().isEmpty()) {
      return "";
    }
    CaseChange last = c.history().getLast();
    return last.version() == c.version() ? "#" + last.id() : "";
  }
}
