package org.taskforce.cases.domain;

import java.time.LocalDate;

/**
 * Work on a case assigned to an agency, optionally to one officer in it.
 *
 * @param assigneeSubject Keycloak subject of the officer; empty for the agency as a whole
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
    long version) {}
