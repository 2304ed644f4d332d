package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.notify.Notice;

/**
 * Escalates conflicts that a side which may read them has not acknowledged {@code lead} before
 * their deadline to the watch officers of the watch agency, once per conflict, and marks them
 * {@code escalated}. Deconfliction escalates itself because only it knows whether the *conflict*
 * was acknowledged (an inbox notification can be acknowledged without acknowledging the conflict);
 * its conflict alerts therefore carry no acknowledgement deadline for notification-service to
 * escalate on. The escalation is prepared before the conflict is marked and released after, so it
 * is neither lost nor sent for a conflict that was not marked.
 */
public final class ConflictEscalation {
  private final ConflictStore conflicts;
  private final AlertComposer alerts;
  private final DisclosurePolicy policy;
  private final AuditTrail audit;
  private final Duration lead;
  private final Clock clock;

  public ConflictEscalation(
      ConflictStore conflicts,
      AlertComposer alerts,
      DisclosurePolicy policy,
      AuditTrail audit,
      Duration lead,
      Clock clock) {
    this.conflicts = conflicts;
    this.alerts = alerts;
    this.policy = policy;
    this.audit = audit;
    this.lead = lead;
    this.clock = clock;
  }

  /** Escalates what is due; returns how many conflicts were escalated by this run. */
  public int run() {
    int escalated = 0;
    for (Conflict c : conflicts.dueForEscalation(clock.instant().plus(lead), 200)) {
      List<Conflict.Side> waiting =
          c.sides().stream()
              .filter(s -> s.acknowledged() == null && policy.toldOfResolution(c, s))
              .toList();
      if (waiting.isEmpty()) {
        continue;
      }
      Notice notice = alerts.escalation(c, waiting);
      alerts.port().prepare(notice);
      if (conflicts.replace(c.markEscalated(), c.version())) {
        alerts.port().commit(notice);
        audit.append(
            new AuditEntry(
                java.util.UUID.randomUUID().toString(),
                clock.instant(),
                "system:escalation",
                "conflict escalation",
                policy.watchAgencyId(),
                "",
                "conflict.escalate",
                "conflicts/" + c.id(),
                AuditEntry.Outcome.SUCCESS,
                "unacknowledged before the deadline",
                "",
                Map.of("deadline", String.valueOf(c.deadline()))));
        escalated++;
      }
      // Lost the race (a side acknowledged, another replica escalated): the prepared notice is
      // released only if the conflict ends up escalated; the next run looks again.
    }
    return escalated;
  }
}
