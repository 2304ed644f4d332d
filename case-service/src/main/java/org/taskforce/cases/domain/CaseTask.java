package org.taskforce.cases.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Work on a case assigned to an agency, optionally to one officer in it.
 *
 * @param assigneeSubject Keycloak subject of the officer; empty for the agency as a whole
 * @param changes ids of the latest announced changes (newest last, at most {@value #MAX_CHANGES}):
 *     a notice prepared before a crash is sent only if its change was stored
 */
public record CaseTask(
    String id,
    String caseId,
    String title,
    String description,
    String assigneeAgencyId,
    String assigneeSubject,
    LocalDate dueDate,
    TaskStatus status,
    Stamp created,
    Stamp updated,
    long version,
    List<String> changes) {
  public static final int MAX_CHANGES = 20;

  public CaseTask {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /** This task with an announced change recorded. */
  public CaseTask recording(String changeId) {
    List<String> list = new ArrayList<>(changes);
    list.add(changeId);
    if (list.size() > MAX_CHANGES) {
      list = list.subList(list.size() - MAX_CHANGES, list.size());
    }
    return new CaseTask(
        id,
        caseId,
        title,
        description,
        assigneeAgencyId,
        assigneeSubject,
        dueDate,
        status,
        created,
        updated,
        version,
        list);
  }
}
