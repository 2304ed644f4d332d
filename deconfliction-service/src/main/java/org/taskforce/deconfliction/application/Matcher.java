package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Nicknames;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonMatcher;
import org.taskforce.deconfliction.domain.TargetMatch;
import org.taskforce.deconfliction.domain.TargetMatching;
import org.taskforce.deconfliction.domain.TargetRegistration;

/**
 * Finds what an ask (selectors or a planned event) conflicts with: candidates by blocking key from
 * the match index, scored, and read back from the stores if they still take part in matching. What
 * a registration's findings become is {@link FindingRecorder}'s; how a finding reads to the asker,
 * {@link Hits}'.
 */
public final class Matcher {
  private final TargetStore targets;
  private final EventStore events;
  private final MatchIndex index;
  private final DeconflictionSettings settings;
  private final Clock clock;
  private final Nicknames nicknames = Nicknames.standard();
  private final TargetMatching matching;
  private final NameOnlyBound nameOnlyBound;

  public Matcher(
      TargetStore targets,
      EventStore events,
      MatchIndex index,
      DeconflictionSettings settings,
      Clock clock) {
    this.targets = targets;
    this.events = events;
    this.index = index;
    this.settings = settings;
    this.clock = clock;
    this.matching = new TargetMatching(new PersonMatcher(nicknames));
    this.nameOnlyBound = new NameOnlyBound(settings.nameOnlyBound(), targets::findOwners);
  }

  /** The index entries a target registration is stored under. */
  public Map<String, IndexEntry> entries(TargetRegistration registration) {
    Map<String, IndexEntry> entries = new LinkedHashMap<>();
    TargetMatching.storedKeys(registration.selectors(), nicknames, registration.id())
        .forEach((key, payload) ->
            entries.put(
                key,
                new IndexEntry(
                    registration.id(),
                    registration.agency().id(),
                    payload,
                    registration.disclosure())));
    return entries;
  }

  /** The index entries an event registration is stored under. */
  public Map<String, IndexEntry> entries(EventRegistration registration) {
    Map<String, IndexEntry> entries = new LinkedHashMap<>();
    IndexEntry entry =
        new IndexEntry(
            registration.id(),
            registration.agency().id(),
            registration.plan().encode(),
            registration.disclosure());
    for (String key : settings.eventRules().cellKeys(registration.plan())) {
      entries.put(key, entry);
    }
    return entries;
  }

  /** A found target and how it matched. */
  public record TargetFinding(TargetMatch match, TargetRegistration registration) {}

  /** A found event and how it overlaps. */
  public record EventFinding(EventRules.EventOverlap overlap, EventRegistration registration) {}

  /** A target a check found, as its answer and its owner's alert need it ({@link #findOwners}). */
  public record OwnerFinding(TargetMatch match, TargetStore.Owner owner) {}

  public List<TargetFinding> findTargets(
      String askerAgencyId, List<NormalizedSelector> ask, String selfId) {
    List<TargetMatch> matches = targetMatches(askerAgencyId, ask, selfId);
    if (matches.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Map<String, TargetRegistration> registrations =
        targets.findAll(matches.stream().map(TargetMatch::registrationId).toList()).stream()
            .filter(registration -> registration.matchable(now))
            .collect(Collectors.toMap(TargetRegistration::id, Function.identity()));
    List<TargetFinding> findings = new ArrayList<>();
    for (TargetMatch match : matches) {
      TargetRegistration registration = registrations.get(match.registrationId());
      if (registration != null) {
        findings.add(new TargetFinding(match, registration));
      }
    }
    return findings;
  }

  /** What a check that registers nothing finds of targets: its findings and its crowded names. */
  public record OwnerLookup(List<OwnerFinding> findings, List<NameOnlyBound.Crowded> crowded) {}

  /**
   * The same findings as {@link #findTargets} for a check that registers nothing, bounded: a name
   * without a date of birth that more visible registered persons fit than the bound is answered as
   * crowded ({@link NameOnlyBound}), and the registrations only that name reaches are neither read
   * nor returned. Those the ask's other selectors reach are graded by the whole ask, as before. The
   * hit registrations are read without their selectors, which the answer and the alerts never show.
   */
  public OwnerLookup findOwners(String askerAgencyId, List<NormalizedSelector> ask) {
    if (ask.isEmpty()) {
      return new OwnerLookup(List.of(), List.of());
    }
    Instant now = clock.instant();
    Map<String, List<IndexEntry>> found = index.lookup(TargetMatching.lookupKeys(ask, nicknames));
    Predicate<IndexEntry> candidate = e -> otherAgency(askerAgencyId, e.agencyId());
    List<NameOnlyBound.Crowded> crowded =
        nameOnlyBound.crowded(ask, found, matching, nicknames, candidate, now);
    if (!crowded.isEmpty()) {
      Set<String> reached = reachedByOthers(ask, crowded, found);
      candidate = candidate.and(e -> reached.contains(e.registrationId()));
    }
    List<TargetMatch> matches = matching.match(ask, found, nicknames, candidate);
    if (matches.isEmpty()) {
      return new OwnerLookup(List.of(), crowded);
    }
    Map<String, TargetStore.Owner> owners =
        targets.findOwners(matches.stream().map(TargetMatch::registrationId).toList()).stream()
            .filter(owner -> owner.matchable(now))
            .collect(Collectors.toMap(TargetStore.Owner::id, Function.identity()));
    List<OwnerFinding> findings = new ArrayList<>();
    for (TargetMatch match : matches) {
      TargetStore.Owner owner = owners.get(match.registrationId());
      if (owner != null) {
        findings.add(new OwnerFinding(match, owner));
      }
    }
    return new OwnerLookup(findings, crowded);
  }

  /** The registrations the selectors of an ask other than its crowded names reach. */
  private Set<String> reachedByOthers(
      List<NormalizedSelector> ask,
      List<NameOnlyBound.Crowded> crowded,
      Map<String, List<IndexEntry>> found) {
    Set<Integer> skipped = new HashSet<>();
    crowded.forEach(c -> skipped.add(c.selectorIndex()));
    List<NormalizedSelector> others = new ArrayList<>();
    for (int i = 0; i < ask.size(); i++) {
      if (!skipped.contains(i)) {
        others.add(ask.get(i));
      }
    }
    Set<String> reached = new HashSet<>();
    for (String key : TargetMatching.lookupKeys(others, nicknames)) {
      found.getOrDefault(key, List.of()).forEach(e -> reached.add(e.registrationId()));
    }
    return reached;
  }

  private List<TargetMatch> targetMatches(
      String askerAgencyId, List<NormalizedSelector> ask, String selfId) {
    if (ask.isEmpty()) {
      return List.of();
    }
    return matching.find(
        ask,
        index::lookup,
        nicknames,
        e -> !e.registrationId().equals(selfId) && otherAgency(askerAgencyId, e.agencyId()));
  }

  public List<EventFinding> findEvents(String askerAgencyId, EventPlan plan, String selfId) {
    EventRules rules = settings.eventRules();
    Map<String, List<IndexEntry>> found = index.lookup(rules.cellKeys(plan));
    Map<String, EventRules.EventOverlap> overlaps = new LinkedHashMap<>();
    for (List<IndexEntry> entries : found.values()) {
      for (IndexEntry e : entries) {
        if (e.registrationId().equals(selfId)
            || !otherAgency(askerAgencyId, e.agencyId())
            || overlaps.containsKey(e.registrationId())) {
          continue;
        }
        rules
            .overlap(plan, EventPlan.decode(e.payload()))
            .ifPresent(owner -> overlaps.put(e.registrationId(), owner));
      }
    }
    if (overlaps.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<EventFinding> findings = new ArrayList<>();
    for (EventRegistration registration : events.findAll(overlaps.keySet())) {
      if (registration.matchable(now)) {
        // Re-check against the stored plan: the index entry may predate an update.
        rules
            .overlap(plan, registration.plan())
            .ifPresent(owner -> findings.add(new EventFinding(owner, registration)));
      }
    }
    findings.sort(
        (a, b) -> Double.compare(a.overlap().distanceMeters(), b.overlap().distanceMeters()));
    return findings;
  }

  private boolean otherAgency(String asker, String owner) {
    return settings.matchOwnAgency() || !asker.equals(owner);
  }
}
