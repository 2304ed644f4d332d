package org.taskforce.cases.application;

import java.util.Optional;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Subject;

/** Where case subjects live. */
public interface SubjectStore {
  boolean insertIfAbsent(Subject s);

  Optional<Subject> get(String id);

  /**
   * Records a subject's registration. The state changes only while the subject is not removed;
   * returns false when it was removed meanwhile (its registration must then be withdrawn).
   */
  boolean setRegistration(
      String id, String registrationId, DeconflictionState state, String detail);

  /** Marks a subject removed (state WITHDRAWN); false when it already was. */
  boolean markRemoved(String id, Stamp removed);

  /** Deletes a subject this request just stored and deconfliction then refused. */
  void delete(String id);

  Page<Subject> list(String caseId, int pageSize, String pageToken);
}
