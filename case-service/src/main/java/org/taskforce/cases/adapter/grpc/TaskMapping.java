package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.CaseMapping.date;
import static org.taskforce.cases.adapter.grpc.CaseMapping.stamp;

import org.taskforce.api.cases.v1.Task;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.cases.domain.TaskStatus;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.etag.Etags;

/** Between the cases.v1 contract and case-service's domain: tasks. */
final class TaskMapping {
  private TaskMapping() {}

  static Task toProto(CaseTask t) {
    Task.Builder builder =
        Task.newBuilder()
            .setTaskId(t.id())
            .setCaseId(t.caseId())
            .setTitle(t.title())
            .setDescription(t.description())
            .setAssigneeAgencyId(t.assigneeAgencyId())
            .setAssigneeSubject(t.assigneeSubject())
            .setStatus(org.taskforce.api.cases.v1.TaskStatus.valueOf("TASK_STATUS_" + t.status()))
            .setCreated(stamp(t.created()))
            .setUpdated(stamp(t.updated()))
            .setEtag(Etags.of(t.version()));
    if (t.dueDate() != null) {
      builder.setDueDate(date(t.dueDate()));
    }
    return builder.build();
  }

  static TaskStatus taskStatus(
      Violations violations, String field, org.taskforce.api.cases.v1.TaskStatus s) {
    return switch (s) {
      case TASK_STATUS_OPEN -> TaskStatus.OPEN;
      case TASK_STATUS_IN_PROGRESS -> TaskStatus.IN_PROGRESS;
      case TASK_STATUS_DONE -> TaskStatus.DONE;
      case TASK_STATUS_CANCELLED -> TaskStatus.CANCELLED;
      case TASK_STATUS_UNSPECIFIED, UNRECOGNIZED -> {
        violations.add(field, "must be OPEN, IN_PROGRESS, DONE or CANCELLED");
        yield null;
      }
    };
  }
}
