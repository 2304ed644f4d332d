package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.TargetRegistration;

/**
 * Repairs what a crash between a registration's writes left undone. The sweep settles every
 * registration marked pending for longer than {@code grace} (index, match, alerts — each step
 * idempotent); the rebuild puts every matchable registration's entries back into the match index
 * and takes out entries no registration accounts for (an operator's command, see the README).
 */
public final class RegistrationRepair {
  private static final int BATCH = 200;
  private final PendingRegistrations pending;
  private final TargetStore targets;
  private final EventStore events;
  private final TargetRegistrations targetRegistrations;
  private final EventRegistrations eventRegistrations;
  private final MatchIndex index;
  private final Matcher matcher;
  private final Duration grace;
  private final Clock clock;
  private final JointRegistrations joint;

  public RegistrationRepair(
      PendingRegistrations pending,
      TargetStore targets,
      EventStore events,
      TargetRegistrations targetRegistrations,
      EventRegistrations eventRegistrations,
      MatchIndex index,
      Matcher matcher,
      Duration grace,
      Clock clock,
      JointRegistrations joint) {
    this.joint = joint;
    this.pending = pending;
    this.targets = targets;
    this.events = events;
    this.targetRegistrations = targetRegistrations;
    this.eventRegistrations = eventRegistrations;
    this.index = index;
    this.matcher = matcher;
    this.grace = grace;
    this.clock = clock;
  }

  /** Settles registrations pending for longer than the grace period; returns how many. */
  public int sweep() {
    int settled = 0;
    for (PendingRegistrations.Pending stale : pending.since(clock.instant().minus(grace), BATCH)) {
      switch (stale.kind()) {
        case TARGET -> {
          Optional<TargetRegistration> found = targets.find(stale.registrationId());
          if (found.isPresent()) {
            targetRegistrations.settle(found.get());
          } else {
            pending.finish(stale.registrationId()); // died before the registration was stored
          }
        }
        case EVENT -> {
          Optional<EventRegistration> found = events.find(stale.registrationId());
          if (found.isPresent()) {
            eventRegistrations.settle(found.get());
          } else {
            pending.finish(stale.registrationId());
          }
        }
        // A check that died between its targets and its operation: both are stored now.
        case CHECK -> joint.settle(stale.registrationId());
      }
      settled++;
    }
    return settled;
  }

  /** What a rebuild did. */
  public record RebuildReport(int targets, int events, int staleEntriesRemoved) {}

  /**
   * Rebuilds the match index from the registrations without taking it down: first every matchable
   * registration's entries are added (idempotent), then every entry that no matchable registration
   * has under that key is removed. Replicas keep serving throughout.
   */
  public RebuildReport rebuildIndex() {
    Instant now = clock.instant();
    int[] counts = new int[2];
    targets.forEachMatchable(
        now,
        found -> {
          index.add(matcher.entries(found));
          counts[0]++;
        });
    events.forEachMatchable(
        now,
        found -> {
          index.add(matcher.entries(found));
          counts[1]++;
        });
    int removed = index.prune(batch -> stale(batch, clock.instant()));
    return new RebuildReport(counts[0], counts[1], removed);
  }

  private Map<String, List<IndexEntry>> stale(Map<String, List<IndexEntry>> batch, Instant now) {
    List<String> ids =
        batch.values().stream().flatMap(List::stream).map(IndexEntry::registrationId).toList();
    Map<String, Map<String, IndexEntry>> current = new HashMap<>();
    targets.findAll(ids).stream()
        .filter(found -> found.matchable(now))
        .forEach(found -> current.put(found.id(), matcher.entries(found)));
    events.findAll(ids).stream()
        .filter(found -> found.matchable(now))
        .forEach(found -> current.put(found.id(), matcher.entries(found)));
    Map<String, List<IndexEntry>> stale = new LinkedHashMap<>();
    batch.forEach((key, entries) -> {
      List<IndexEntry> gone =
          entries.stream()
              .filter(e -> {
                Map<String, IndexEntry> its = current.get(e.registrationId());
                return its == null || !e.equals(its.get(key));
              })
              .toList();
      if (!gone.isEmpty()) {
        stale.put(key, gone);
      }
    });
    return stale;
  }
}
