package org.taskforce.deconfliction.reporting.application;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taskforce.deconfliction.reporting.application.Measure.Count;
import org.taskforce.deconfliction.reporting.application.Measure.Durations;
import org.taskforce.deconfliction.reporting.application.Measure.Window;

/**
 * <b>Every measure deconfliction-service reports, in the report's order.</b> Adding one is a change
 * to this file only: declare its {@link Source} and add its line to {@link #ALL}.
 *
 * <ul>
 *   <li>checks run: "check before acting" calls of the task force's people and systems and of
 *       partner deconfliction systems, from the audit trail;
 *   <li>operations registered (by type) and how far ahead of their start: median lead time and the
 *       share registered at least 24 hours ahead;
 *   <li>conflicts found by kind, escalated to the watch officers; time from a conflict being found
 *       to each side's acknowledgement (median, 90th percentile);
 *   <li>open conflicts and target registrations expiring in the next 30 days, as they stand when
 *       the report is computed.
 * </ul>
 *
 * An agency's share counts what the agency reads through DeconflictionService: its checks, its
 * registrations, and the conflicts it may read (a side facing a RESTRICTED registration is not told
 * of that conflict, so its share does not count it either).
 */
public final class DeconflictionMeasures {
  private DeconflictionMeasures() {}

  public static final String SECTION = "Deconfliction";

  /** The audit actions the checks count: kept as day counts beside the entries (AuditTallies). */
  public static final List<String> CHECK_ACTIONS = List.of("check.before-acting", "check.partner");

  public static final Source CHECKS =
      new Source(
          "audit_log", "check", "time", Map.of("action", CHECK_ACTIONS), "agencyId", "action");
  public static final Source EVENTS =
      new Source("events", "event_registration", "created.time", Map.of(), "agency.id", "type");
  public static final Source CONFLICTS =
      new Source("conflicts", "conflict", "createTime", Map.of(), "readers", "kind");
  public static final Source OPEN_CONFLICTS =
      new Source(
          "conflicts",
          "conflict",
          "createTime",
          Map.of("status", List.of("NEW", "ACKNOWLEDGED")),
          "readers",
          "kind");
  public static final Source ESCALATED =
      new Source(
          "conflicts", "conflict", "createTime", Map.of("escalated", true), "readers", "kind");
  public static final Source ACTIVE_TARGETS =
      new Source(
          "targets",
          "target_registration",
          "expireTime",
          Map.of("status", "ACTIVE"),
          "agency.id",
          "caseReference");

  static final Map<String, String> KINDS = labels("TARGET", "Target", "EVENT", "Event");

  public static final List<Measure> ALL =
      List.of(
          new Count(
              "deconfliction.checks",
              SECTION,
              "Checks run",
              CHECKS,
              Window.PERIOD,
              null,
              "action",
              labels(
                  "check.before-acting", "By the task force's people and systems",
                  "check.partner", "By partner deconfliction systems")),
          new Count(
              "deconfliction.operations_registered",
              SECTION,
              "Operations registered",
              EVENTS,
              Window.PERIOD,
              null,
              "type",
              labels(
                  "SEARCH_WARRANT", "Search warrant",
                  "ARREST", "Arrest",
                  "BUY_BUST", "Buy-bust",
                  "UNDERCOVER_MEETING", "Undercover meeting",
                  "SURVEILLANCE", "Surveillance",
                  "SWEEP", "Sweep",
                  "OTHER", "Other")),
          new Durations(
              "deconfliction.operations_lead_time",
              SECTION,
              "Time from registration to the operation's start",
              EVENTS,
              null,
              "created.time",
              "start",
              null,
              Duration.ofHours(24)),
          new Count(
              "deconfliction.conflicts",
              SECTION,
              "Conflicts found",
              CONFLICTS,
              Window.PERIOD,
              null,
              "kind",
              KINDS),
          new Durations(
              "deconfliction.time_to_acknowledge",
              SECTION,
              "Time to acknowledge a conflict",
              CONFLICTS,
              "sides",
              "createTime",
              "sides.acknowledged.time",
              "sides.agency.id",
              null),
          new Count(
              "deconfliction.escalated",
              SECTION,
              "Conflicts escalated to the watch officers",
              ESCALATED,
              Window.PERIOD,
              null,
              "kind",
              KINDS),
          new Count(
              "deconfliction.open_conflicts",
              SECTION,
              "Conflicts open now",
              OPEN_CONFLICTS,
              Window.NOW,
              null,
              "kind",
              KINDS),
          new Count(
              "deconfliction.registrations_expiring",
              SECTION,
              "Target registrations expiring in the next 30 days",
              ACTIVE_TARGETS,
              Window.NEXT,
              Duration.ofDays(30),
              null,
              Map.of()));

  public static Optional<Measure> byId(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
