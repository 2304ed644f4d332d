package org.taskforce.cases.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Subject;
import org.taskforce.platform.security.AgencyPrincipal;

/** Where case subjects live. */
public interface SubjectStore {
  /**
   * Stores a new subject with the user its registration acts for (queued registrations, the sweep
   * and renewals act on that user's behalf); false when it exists (a retried add).
   */
  boolean insertIfAbsent(Subject s, AgencyPrincipal registrant);

  Optional<Subject> get(String id);

  /** The user a subject's registration acts for; empty for subjects stored before it was kept. */
  Optional<AgencyPrincipal> registrant(String id);

  /**
   * Records a subject's registration. The state changes only while the subject is not removed;
   * returns false when it was removed meanwhile (its registration must then be withdrawn).
   */
  boolean setRegistration(
      String id, String registrationId, DeconflictionState state, String detail, Instant expires);

  /**
   * The version of the last deconfliction state recorded by {@link #recordDeconfliction}; 0 when
   * none was.
   */
  long deconflictionVersion(String id);

  /**
   * Records a registration's state as deconfliction announced it, if the subject is live, the
   * registration is its own (or it has none yet) and no state of this or a later version was
   * recorded; true when it was recorded. The state a registration answer brought ({@link
   * #setRegistration}) never overwrites one recorded here.
   */
  boolean recordDeconfliction(
      String id, String registrationId, DeconflictionState state, long version);

  /** Records a renewed registration's new expiry. */
  void setExpiry(String id, Instant expires);

  /** Marks a subject removed (state WITHDRAWN) with the remover's reason; false when it was. */
  boolean markRemoved(String id, Stamp removed, String reason);

  /** Records that deconfliction confirmed the withdrawal of a removed subject's registration. */
  void confirmWithdrawn(String id);

  /** Deletes a subject this request just stored and deconfliction then refused. */
  void delete(String id);

  Page<Subject> list(String caseId, int pageSize, String pageToken);

  /** Live subjects still PENDING that were stored before {@code before} (for the sweep). */
  List<Subject> pendingSince(Instant before, int limit);

  /**
   * Removed subjects with a registration whose withdrawal deconfliction has not confirmed, removed
   * before {@code before} (for the sweep).
   */
  List<Subject> unconfirmedWithdrawals(Instant before, int limit);

  /** Live registered subjects whose registration expires before {@code before} (for renewal). */
  List<Subject> expiringBefore(Instant before, int limit);
}
