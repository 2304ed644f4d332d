package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.List;

/**
 * Registrations whose writes have begun but not all finished (stored, indexed, matched, alerted). A
 * create or update records its registration here before its first write and removes it after its
 * last, so a crash in between leaves a trace that a retry or the repair sweep settles. One small
 * document per registration in flight: the sweep never scans the registrations.
 */
public interface PendingRegistrations {
  enum Kind {
    TARGET,
    EVENT
  }

  record Pending(Kind kind, String registrationId, Instant since) {}

  /** Records that writes for a registration begin now. Idempotent. */
  void begin(Kind kind, String registrationId, Instant now);

  /** Records that every write for the registration is done. */
  void finish(String registrationId);

  /** Registrations in flight since {@code before} or earlier, oldest first. */
  List<Pending> since(Instant before, int limit);
}
