package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * NEW → ACKNOWLEDGED (per side) → RESOLVED, for the two sides and the watch officers. The review
 * queue of POSSIBLE matches is {@link ReviewQueue}.
 */
public final class ConflictWorkflow {
  private final ConflictStore conflicts;
  private final AuditTrail audit;
  private final Clock clock;
  private final DisclosurePolicy policy;
  private final PageTokens pageTokens;
  private final AlertComposer alerts;
  private final SubjectFeed feed;

  public ConflictWorkflow(
      ConflictStore conflicts,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      AlertComposer alerts,
      SubjectFeed feed) {
    this.conflicts = conflicts;
    this.audit = audit;
    this.clock = clock;
    this.policy = policy;
    this.pageTokens = pageTokens;
    this.alerts = alerts;
    this.feed = feed;
  }

  public Conflict get(AgencyPrincipal caller, String id) {
    DeconflictionAccessPolicy.requireActing(caller);
    return visible(caller, id);
  }

  public Page<Conflict> list(
      AgencyPrincipal caller,
      Set<Conflict.Status> statuses,
      Set<Conflict.Kind> kinds,
      boolean allAgencies,
      int size,
      String token) {
    DeconflictionAccessPolicy.requireActing(caller);
    if (allAgencies) {
      policy.requireWatchOfficer(caller, "list every agency's conflicts");
    }
    // The store selects only what the reader may see, so pages are full or the last one and a
    // token's position is always that of a conflict the reader was shown.
    String reader = allAgencies ? null : caller.agencyId();
    PageQuery query =
        PageQuery.of("deconfliction.conflicts")
            .with("reader", allAgencies ? "*all*" : caller.agencyId())
            .with("statuses", statuses)
            .with("kinds", kinds);
    return pageTokens.page(
        query,
        token,
        size,
        (after, limit) -> conflicts.list(reader, statuses, kinds, after, limit),
        ConflictStore::position);
  }

  public Conflict acknowledge(AgencyPrincipal caller, String id, String note) {
    DeconflictionAccessPolicy.requireActing(caller);
    Bounds.requireNote(note);
    for (int attempt = 0; attempt < 5; attempt++) {
      Conflict c = visibleToSide(caller, id);
      Conflict.Side side =
          c.sideOf(caller.agencyId())
              .orElseThrow(() ->
                  TaskforceException.failedPrecondition(
                      "NOT_A_SIDE",
                      "only the two sides acknowledge a conflict; watch officers resolve it"));
      if (side.acknowledged() != null) {
        return c; // acknowledging twice is harmless
      }
      Stamp stamp = DeconflictionAccessPolicy.stamp(caller, clock.instant());
      List<Conflict.Side> sides =
          c.sides().stream().map(s -> s == side ? s.acknowledge(stamp, note) : s).toList();
      Conflict updated =
          c.withSides(
              c.status() == Conflict.Status.RESOLVED ? c.status() : Conflict.Status.ACKNOWLEDGED,
              sides);
      if (conflicts.replace(updated, c.version())) {
        audit.record(
            caller,
            "conflict.acknowledge",
            "conflicts/" + id,
            Outcome.SUCCESS,
            "",
            Map.of("note", note == null ? "" : note));
        return updated;
      }
    }
    throw TaskforceException.staleEtag("conflict", id);
  }

  public Conflict resolve(
      AgencyPrincipal caller,
      String id,
      Conflict.Resolution resolution,
      String note,
      long expectedVersion) {
    DeconflictionAccessPolicy.requireActing(caller);
    Bounds.requireNote(note);
    boolean broker = policy.isWatchOfficer(caller);
    Conflict c = broker ? find(id) : visibleToSide(caller, id);
    if (c.status() == Conflict.Status.RESOLVED) {
      releaseResolution(c);
    }
    if (c.version() != expectedVersion) {
      throw TaskforceException.staleEtag("conflict", id);
    }
    if (c.status() == Conflict.Status.RESOLVED) {
      throw TaskforceException.failedPrecondition(
          "CONFLICT_RESOLVED", "the conflict is resolved already");
    }
    if (resolution == null) {
      throw TaskforceException.invalidArgument(
          "resolution", "say how it was resolved: PROCEED, JOINT_OPERATION, DELAY or CANCEL");
    }
    // One side does not settle a conflict the other side has not seen: it resolves once the other
    // side has acknowledged — unless the other side cannot read the conflict at all (it faces a
    // RESTRICTED owner and was told nothing). Watch officers broker and resolve at any time.
    if (!broker) {
      Conflict.Side other = c.otherSide(caller.agencyId()).orElseThrow();
      if (other.acknowledged() == null && policy.sideMayRead(c, other.agency().id())) {
        throw TaskforceException.failedPrecondition(
            "OTHER_SIDE_NOT_ACKNOWLEDGED",
            "the other side has not acknowledged the conflict yet; resolve it once they have, or"
                + " ask the watch officer to broker");
      }
    }
    Stamp stamp = DeconflictionAccessPolicy.stamp(caller, clock.instant());
    Conflict updated =
        c.resolvedAs(
            resolution,
            note == null ? "" : note,
            stamp,
            // Resolving is acknowledging for the side that resolves.
            c.sides().stream()
                .map(s ->
                    s.agency().id().equals(caller.agencyId()) && s.acknowledged() == null
                        ? s.acknowledge(stamp, "")
                        : s)
                .toList());
    // Both sides are told, as the conflict's alerts were: prepared before, released after.
    List<Notice> told = alerts.conflictResolved(updated);
    String change = id + "@" + updated.version();
    List<String> targets = FindingRecorder.targetRegistrations(updated);
    told.forEach(alerts.port()::prepare);
    feed.prepare(change, targets);
    if (!conflicts.replace(updated, c.version())) {
      // Lost a race: ours were prepared under the winner's ids and may be the payloads kept.
      conflicts
          .find(id)
          .filter(w -> w.status() == Conflict.Status.RESOLVED)
          .ifPresent(this::releaseResolution);
      throw TaskforceException.staleEtag("conflict", id);
    }
    told.forEach(alerts.port()::commit);
    feed.commit(change, targets);
    audit.record(
        caller,
        "conflict.resolve",
        "conflicts/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("resolution", resolution.name(), "note", updated.resolutionNote()));
    return updated;
  }

  /**
   * Releases a stored resolution's alerts as the stored resolution words them. Racing resolvers
   * prepare under the same ids and the outbox keeps the first payload, which may be the loser's;
   * the winner may also have died between storing and releasing. Whoever next meets the resolved
   * conflict (the loser, a late retry) releases the winner's wording; released ones are untouched.
   */
  private void releaseResolution(Conflict resolved) {
    alerts.conflictResolved(resolved).forEach(alerts.port()::commit);
    feed.commit(
        resolved.id() + "@" + resolved.version(), FindingRecorder.targetRegistrations(resolved));
  }

  private Conflict find(String id) {
    return conflicts.find(id).orElseThrow(() -> TaskforceException.notFound("conflict", id));
  }

  /** A conflict the caller may see: watch officers all, sides theirs (not hidden by RESTRICTED). */
  private Conflict visible(AgencyPrincipal caller, String id) {
    Conflict c = find(id);
    if (policy.mayRead(c, caller)) {
      return c;
    }
    throw TaskforceException.notFound("conflict", id);
  }

  private Conflict visibleToSide(AgencyPrincipal caller, String id) {
    Conflict c = find(id);
    if (policy.sideMayRead(c, caller.agencyId())) {
      return c;
    }
    throw TaskforceException.notFound("conflict", id);
  }
}
