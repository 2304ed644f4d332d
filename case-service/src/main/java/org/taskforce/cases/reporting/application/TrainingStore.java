package org.taskforce.cases.reporting.application;

import java.util.Optional;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.domain.TrainingSession;

/** The task force's training and outreach sessions. */
public interface TrainingStore {
  boolean insertIfAbsent(TrainingSession session);

  Optional<TrainingSession> get(String id);

  /** Newest session first. */
  Page<TrainingSession> list(int pageSize, String pageToken);
}
