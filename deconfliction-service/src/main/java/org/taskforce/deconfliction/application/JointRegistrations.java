package org.taskforce.deconfliction.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What a check that registers ({@code CheckBeforeActing} with {@code register: true}) stores: its
 * targets and its planned operation, together or — in effect — not at all. Both registrations are
 * built and validated first, then recorded in the check's pending mark in one write, then stored
 * one after the other. A process that dies in between leaves the mark; whoever settles the check
 * stores what is missing <em>from what was recorded</em> and finishes each registration (index,
 * match, alerts): the check's retry (same request id, so the same check and registration ids) or,
 * when nobody retries, the repair sweep. The operation is never lost after its targets were
 * registered, and nothing is registered twice. The sweep finishes rather than rolls back because
 * the targets' conflicts may already have alerted their owners, and a retry must answer as the
 * uninterrupted check would have.
 */
public final class JointRegistrations {
  private final TargetRegistrations targets;
  private final EventRegistrations events;
  private final PendingRegistrations pending;
  private final WriteSeams seams;

  public JointRegistrations(
      TargetRegistrations targets,
      EventRegistrations events,
      PendingRegistrations pending,
      WriteSeams seams) {
    this.targets = targets;
    this.events = events;
    this.pending = pending;
    this.seams = seams;
  }

  /** What was registered: ids and the hits the caller may see (targets' first). */
  public record Registered(List<String> targetIds, String eventId, List<Hit> hits) {}

  /** Registers the prepared {@code target} and/or {@code operation} (either may be null). */
  public Registered register(
      AgencyPrincipal caller,
      String checkId,
      TargetRegistration target,
      EventRegistration operation) {
    if (target != null && operation != null) {
      PendingRegistrations.PreparedCheck recorded =
          pending.beginCheck(checkId, target.created().time(), target, operation);
      target = recorded.target();
      operation = recorded.operation();
    }
    List<String> targetIds = new ArrayList<>();
    List<Hit> hits = new ArrayList<>();
    if (target != null) {
      RegistrationResult<TargetRegistration> stored = targets.store(caller, target);
      targetIds.add(stored.registration().id());
      hits.addAll(stored.hits());
      if (operation != null) {
        seams.reached("check.targets");
      }
    }
    String eventId = "";
    if (operation != null) {
      RegistrationResult<EventRegistration> stored = events.store(caller, operation);
      eventId = stored.registration().id();
      hits.addAll(stored.hits());
    }
    if (target != null && operation != null) {
      pending.finish(checkId);
    }
    return new Registered(targetIds, eventId, hits);
  }

  /**
   * The repair sweep's part: stores whatever of a check's recorded targets and operation is not
   * stored, finishes both, and clears the check's mark.
   */
  public void settle(String checkId) {
    Optional<PendingRegistrations.PreparedCheck> recorded = pending.check(checkId);
    if (recorded.isPresent()) {
      targets.store(null, recorded.get().target());
      events.store(null, recorded.get().operation());
    }
    pending.finish(checkId);
  }
}
