package org.taskforce.cases.application;

import java.util.List;
import java.util.Map;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.NoticeOutbox;

/**
 * What case-service tells people through notification-service, via the outbox: invitations,
 * participants joining and leaving, lead changes, task assignments, subjects added. Notices carry
 * the case number and title, which participants know anyway, and never victim data. Ids derive from
 * the case version they announce, so a retried delivery is stored once.
 */
public final class CaseNotices {
  private final NoticeOutbox outbox;

  public CaseNotices(NoticeOutbox outbox) {
    this.outbox = outbox;
  }

  void caseShared(JointCase c, String agencyId, String role, String leadName) {
    outbox.send(
        Notice.of(
            "case-shared:" + c.id() + ":" + agencyId + ":" + c.version(),
            "CASE_SHARED",
            "INFO",
            List.of(Notice.Recipient.agency(agencyId)),
            "Invitation to joint case " + c.number(),
            leadName + " invites your agency to join \"" + c.title() + "\" as " + role + ".",
            CaseAudit.resource(c.id()),
            Map.of("case_id", c.id(), "case_number", c.number(), "role", role)));
  }

  /** A change every active participant but the actor's agency hears about. */
  void caseUpdated(JointCase c, String actorAgency, String what, String title, String body) {
    List<Notice.Recipient> to =
        c.activeAgencies().stream()
            .filter(a -> !a.equals(actorAgency))
            .map(Notice.Recipient::agency)
            .toList();
    if (to.isEmpty()) {
      return;
    }
    outbox.send(
        Notice.of(
            what + ":" + c.id() + ":" + c.version(),
            "CASE_UPDATED",
            "INFO",
            to,
            title,
            body,
            CaseAudit.resource(c.id()),
            Map.of("case_id", c.id(), "case_number", c.number(), "change", what)));
  }

  /** A notice to one agency (e.g. the one removed from a case). */
  void toAgency(JointCase c, String agencyId, String what, String title, String body) {
    outbox.send(
        Notice.of(
            what + ":" + c.id() + ":" + agencyId + ":" + c.version(),
            "CASE_UPDATED",
            "INFO",
            List.of(Notice.Recipient.agency(agencyId)),
            title,
            body,
            CaseAudit.resource(c.id()),
            Map.of("case_id", c.id(), "case_number", c.number(), "change", what)));
  }

  void taskAssigned(
      JointCase c, String taskId, long taskVersion, String agencyId, String officer, String title) {
    outbox.send(
        Notice.of(
            "task-assigned:" + taskId + ":" + taskVersion,
            "TASK_ASSIGNED",
            "INFO",
            List.of(new Notice.Recipient(agencyId, "", officer)),
            "Task on case " + c.number(),
            "\"" + title + "\" is assigned to " + (officer.isEmpty() ? "your agency" : "you") + ".",
            CaseAudit.resource(c.id()) + "/tasks/" + taskId,
            Map.of("case_id", c.id(), "case_number", c.number(), "task_id", taskId)));
  }
}
