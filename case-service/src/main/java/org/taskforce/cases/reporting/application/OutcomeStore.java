package org.taskforce.cases.reporting.application;

import java.util.Optional;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.domain.SubjectOutcome;

/** Subjects' outcome histories (append-only). */
public interface OutcomeStore {
  /** Stores the outcome unless one with its id exists; false if it did. */
  boolean insertIfAbsent(SubjectOutcome outcome);

  Optional<SubjectOutcome> get(String id);

  /** A subject's outcomes, newest first. */
  Page<SubjectOutcome> list(String subjectId, int pageSize, String pageToken);
}
