package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.RequestFields.checkFilter;
import static org.taskforce.cases.adapter.grpc.RequestFields.pageToken;
import static org.taskforce.cases.adapter.grpc.RequestFields.requestId;
import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireEtag;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import java.util.List;
import java.util.Set;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.CreateTaskResponse;
import org.taskforce.api.cases.v1.ListTasksRequest;
import org.taskforce.api.cases.v1.ListTasksResponse;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.UpdateTaskRequest;
import org.taskforce.api.cases.v1.UpdateTaskResponse;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.Tasks;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.UpdateMask;

/** A case's tasks: ListTasks, CreateTask, UpdateTask. */
public final class TaskRpcs {
  static final List<String> TASK_FIELDS =
      List.of(
          "title", "description", "assignee_agency_id", "assignee_subject", "due_date", "status");

  private final Tasks tasks;

  public TaskRpcs(Tasks tasks) {
    this.tasks = tasks;
  }

  ListTasksResponse list(ListTasksRequest request) {
    Violations v = new Violations();
    var statuses =
        CaseMapping.enums(
            request.getStatusesList(),
            s -> TaskMapping.taskStatus(v, "statuses", s),
            org.taskforce.cases.domain.TaskStatus.class);
    checkFilter(v, "statuses", request.getStatusesCount());
    Ids.checkLength(v, "assignee_agency_id", request.getAssigneeAgencyId());
    v.throwIfAny();
    Page<CaseTask> page =
        tasks.list(
            caller(),
            requireId("case_id", request.getCaseId()),
            request.getAssigneeAgencyId(),
            statuses,
            request.getPageSize(),
            pageToken(request.getPageToken()));
    ListTasksResponse.Builder b =
        ListTasksResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(t -> b.addTasks(TaskMapping.toProto(t)));
    return b.build();
  }

  CreateTaskResponse create(CreateTaskRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    if (!request.hasTask()) {
      throw TaskforceException.invalidArgument("task", "is required");
    }
    Task t = request.getTask();
    Violations v = new Violations();
    Tasks.Fields f =
        new Tasks.Fields(
            t.getTitle(),
            t.getDescription(),
            t.getAssigneeAgencyId(),
            t.getAssigneeSubject(),
            CaseMapping.date(v, "task.due_date", t.hasDueDate(), t.getDueDate()),
            null);
    v.throwIfAny();
    return CreateTaskResponse.newBuilder()
        .setTask(
            TaskMapping.toProto(
                tasks.create(caller(), caseId, f, requestId(request.getRequestId()))))
        .build();
  }

  UpdateTaskResponse update(UpdateTaskRequest request) {
    if (!request.hasTask()) {
      throw TaskforceException.invalidArgument("task", "is required");
    }
    Task t = request.getTask();
    String caseId = requireId("task.case_id", t.getCaseId());
    String taskId = requireId("task.task_id", t.getTaskId());
    Violations v = new Violations();
    Set<String> paths = UpdateMask.required(request.getUpdateMask(), TASK_FIELDS, v);
    Tasks.Fields f =
        new Tasks.Fields(
            paths.contains("title") ? t.getTitle() : null,
            paths.contains("description") ? t.getDescription() : null,
            paths.contains("assignee_agency_id") ? t.getAssigneeAgencyId() : null,
            paths.contains("assignee_subject") ? t.getAssigneeSubject() : null,
            paths.contains("due_date")
                ? CaseMapping.date(v, "task.due_date", t.hasDueDate(), t.getDueDate())
                : null,
            paths.contains("status")
                ? TaskMapping.taskStatus(v, "task.status", t.getStatus())
                : null);
    long version = requireEtag("task.etag", t.getEtag());
    v.throwIfAny();
    return UpdateTaskResponse.newBuilder()
        .setTask(TaskMapping.toProto(tasks.update(caller(), caseId, taskId, version, f)))
        .build();
  }
}
