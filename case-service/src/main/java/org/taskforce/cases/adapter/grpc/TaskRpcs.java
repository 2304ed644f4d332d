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
    Violations violations = new Violations();
    var statuses =
        CaseMapping.enums(
            request.getStatusesList(),
            s -> TaskMapping.taskStatus(violations, "statuses", s),
            org.taskforce.cases.domain.TaskStatus.class);
    checkFilter(violations, "statuses", request.getStatusesCount());
    Ids.checkLength(violations, "assignee_agency_id", request.getAssigneeAgencyId());
    violations.throwIfAny();
    Page<CaseTask> page =
        tasks.list(
            caller(),
            requireId("case_id", request.getCaseId()),
            request.getAssigneeAgencyId(),
            statuses,
            request.getPageSize(),
            pageToken(request.getPageToken()));
    ListTasksResponse.Builder response =
        ListTasksResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(task -> response.addTasks(TaskMapping.toProto(task)));
    return response.build();
  }

  CreateTaskResponse create(CreateTaskRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    if (!request.hasTask()) {
      throw TaskforceException.invalidArgument("task", "is required");
    }
    Task asked = request.getTask();
    Violations violations = new Violations();
    Tasks.Fields fields =
        new Tasks.Fields(
            asked.getTitle(),
            asked.getDescription(),
            asked.getAssigneeAgencyId(),
            asked.getAssigneeSubject(),
            CaseMapping.date(violations, "task.due_date", asked.hasDueDate(), asked.getDueDate()),
            null);
    violations.throwIfAny();
    return CreateTaskResponse.newBuilder()
        .setTask(
            TaskMapping.toProto(
                tasks.create(caller(), caseId, fields, requestId(request.getRequestId()))))
        .build();
  }

  UpdateTaskResponse update(UpdateTaskRequest request) {
    if (!request.hasTask()) {
      throw TaskforceException.invalidArgument("task", "is required");
    }
    Task asked = request.getTask();
    String caseId = requireId("task.case_id", asked.getCaseId());
    String taskId = requireId("task.task_id", asked.getTaskId());
    Violations violations = new Violations();
    Set<String> paths = UpdateMask.required(request.getUpdateMask(), TASK_FIELDS, violations);
    Tasks.Fields fields =
        new Tasks.Fields(
            paths.contains("title") ? asked.getTitle() : null,
            paths.contains("description") ? asked.getDescription() : null,
            paths.contains("assignee_agency_id") ? asked.getAssigneeAgencyId() : null,
            paths.contains("assignee_subject") ? asked.getAssigneeSubject() : null,
            paths.contains("due_date")
                ? CaseMapping.date(
                    violations, "task.due_date", asked.hasDueDate(), asked.getDueDate())
                : null,
            paths.contains("status")
                ? TaskMapping.taskStatus(violations, "task.status", asked.getStatus())
                : null);
    long version = requireEtag("task.etag", asked.getEtag());
    violations.throwIfAny();
    return UpdateTaskResponse.newBuilder()
        .setTask(TaskMapping.toProto(tasks.update(caller(), caseId, taskId, version, fields)))
        .build();
  }
}
