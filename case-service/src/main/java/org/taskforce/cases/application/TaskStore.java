package org.taskforce.cases.application;

import java.util.Optional;
import java.util.Set;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.cases.domain.TaskStatus;

/** Where case tasks live. */
public interface TaskStore {
  boolean insertIfAbsent(CaseTask t);

  Optional<CaseTask> get(String id);

  boolean replace(CaseTask next, long expectedVersion);

  Page<CaseTask> list(
      String caseId, String assigneeAgencyId, Set<TaskStatus> statuses, int size, String token);
}
