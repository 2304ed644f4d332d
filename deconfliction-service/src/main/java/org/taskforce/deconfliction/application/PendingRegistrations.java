package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.TargetRegistration;

/**
 * Registrations whose writes have begun but not all finished (stored, indexed, matched, alerted). A
 * create or update records its registration here before its first write and removes it after its
 * last, so a crash in between leaves a trace that a retry or the repair sweep settles. One small
 * document per registration in flight: the sweep never scans the registrations.
 */
public interface PendingRegistrations {
  enum Kind {
    TARGET,
    EVENT,
    /** A check registering targets and an operation together ({@link JointRegistrations}). */
    CHECK
  }

  record Pending(Kind kind, String registrationId, Instant since) {}

  /** Records that writes for a registration begin now. Idempotent. */
  default void begin(Kind kind, String registrationId, Instant now) {
    begin(kind, registrationId, now, Map.of());
  }

  /**
   * The same, for a change of a stored registration: {@code retired} are the index entries of the
   * version being replaced, kept (added to any kept before) until the writes finish, so that
   * whoever settles the registration removes those its new version no longer has — even when the
   * process died between storing the new version and moving its entries.
   */
  void begin(Kind kind, String registrationId, Instant now, Map<String, IndexEntry> retired);

  /** A replaced version's index entry: under {@code key}, {@code entry}. */
  record Retired(String key, IndexEntry entry) {}

  /** The retired entries kept for a registration in flight; empty when there are none. */
  List<Retired> retired(String registrationId);

  /** Records that every write for the registration is done. */
  void finish(String registrationId);

  /** What a check that registers targets and an operation together is to store. */
  record PreparedCheck(TargetRegistration target, EventRegistration operation) {}

  /**
   * Records, in one write before either is stored, the target registration and the operation a
   * check registers together; a check recorded before (an earlier attempt of the same request)
   * keeps what it recorded first. Returns what is recorded.
   */
  PreparedCheck beginCheck(
      String checkId, Instant now, TargetRegistration target, EventRegistration operation);

  /** What a check in flight recorded; empty when none is (finished, or never begun). */
  java.util.Optional<PreparedCheck> check(String checkId);

  /** Registrations in flight since {@code before} or earlier, oldest first. */
  List<Pending> since(Instant before, int limit);
}
