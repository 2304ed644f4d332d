package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Nicknames;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonMatcher;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.deconfliction.domain.SelectorType;
import org.taskforce.deconfliction.domain.TargetMatch;
import org.taskforce.deconfliction.domain.TargetMatching;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.notify.Notice;

/**
 * Finds what an ask (selectors or a planned event) conflicts with, and — when the ask is a
 * registration — records each MATCH as a conflict and each POSSIBLE match as a review item, with
 * their alerts, exactly once per pair.
 */
public final class Matcher {
  private final TargetStore targets;
  private final EventStore events;
  private final MatchIndex index;
  private final ConflictStore conflicts;
  private final ReviewStore reviews;
  private final AlertComposer alerts;
  private final DeconflictionSettings settings;
  private final Clock clock;
  private final Nicknames nicknames = Nicknames.standard();
  private final TargetMatching matching;
  private final SubjectFeed feed;

  public Matcher(
      TargetStore targets,
      EventStore events,
      MatchIndex index,
      ConflictStore conflicts,
      ReviewStore reviews,
      AlertComposer alerts,
      DeconflictionSettings settings,
      Clock clock,
      SubjectFeed feed) {
    this.feed = feed;
    this.targets = targets;
    this.events = events;
    this.index = index;
    this.conflicts = conflicts;
    this.reviews = reviews;
    this.alerts = alerts;
    this.settings = settings;
    this.clock = clock;
    this.matching = new TargetMatching(new PersonMatcher(nicknames));
  }

  /** The index entries a target registration is stored under. */
  public Map<String, IndexEntry> entries(TargetRegistration r) {
    Map<String, IndexEntry> entries = new LinkedHashMap<>();
    TargetMatching.storedKeys(r.selectors(), nicknames, r.id())
        .forEach(
            (key, payload) -> entries.put(key, new IndexEntry(r.id(), r.agency().id(), payload)));
    return entries;
  }

  /** The index entries an event registration is stored under. */
  public Map<String, IndexEntry> entries(EventRegistration r) {
    Map<String, IndexEntry> entries = new LinkedHashMap<>();
    IndexEntry entry = new IndexEntry(r.id(), r.agency().id(), r.plan().encode());
    for (String key : settings.eventRules().cellKeys(r.plan())) {
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
            .filter(r -> r.matchable(now))
            .collect(Collectors.toMap(TargetRegistration::id, Function.identity()));
    List<TargetFinding> findings = new ArrayList<>();
    for (TargetMatch m : matches) {
      TargetRegistration r = registrations.get(m.registrationId());
      if (r != null) {
        findings.add(new TargetFinding(m, r));
      }
    }
    return findings;
  }

  /**
   * The same findings as {@link #findTargets} for a check that registers nothing: the hit
   * registrations are read without their selectors, which the answer and the alerts never show.
   */
  public List<OwnerFinding> findOwners(String askerAgencyId, List<NormalizedSelector> ask) {
    List<TargetMatch> matches = targetMatches(askerAgencyId, ask, null);
    if (matches.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Map<String, TargetStore.Owner> owners =
        targets.findOwners(matches.stream().map(TargetMatch::registrationId).toList()).stream()
            .filter(o -> o.matchable(now))
            .collect(Collectors.toMap(TargetStore.Owner::id, Function.identity()));
    List<OwnerFinding> findings = new ArrayList<>();
    for (TargetMatch m : matches) {
      TargetStore.Owner o = owners.get(m.registrationId());
      if (o != null) {
        findings.add(new OwnerFinding(m, o));
      }
    }
    return findings;
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
            .ifPresent(o -> overlaps.put(e.registrationId(), o));
      }
    }
    if (overlaps.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<EventFinding> findings = new ArrayList<>();
    for (EventRegistration r : events.findAll(overlaps.keySet())) {
      if (r.matchable(now)) {
        // Re-check against the stored plan: the index entry may predate an update.
        rules.overlap(plan, r.plan()).ifPresent(o -> findings.add(new EventFinding(o, r)));
      }
    }
    findings.sort(
        (a, b) -> Double.compare(a.overlap().distanceMeters(), b.overlap().distanceMeters()));
    return findings;
  }

  private boolean otherAgency(String asker, String owner) {
    return settings.matchOwnAgency() || !asker.equals(owner);
  }

  /**
   * Records a registered target's findings: conflicts for MATCHes, review items for POSSIBLE
   * matches (never again for a rejected pair). Returns the hits for the registering agency.
   */
  public List<Hit> recordTargetFindings(TargetRegistration self, List<TargetFinding> findings) {
    List<Hit> hits = new ArrayList<>();
    for (TargetFinding f : findings) {
      TargetRegistration other = f.registration();
      TargetMatch m = f.match();
      if (m.tier() == Tier.MATCH) {
        Conflict conflict =
            new Conflict(
                Conflict.idFor(Conflict.Kind.TARGET, self.id(), other.id()),
                Conflict.Kind.TARGET,
                Tier.MATCH,
                m.score(),
                m.reasons(),
                Conflict.Status.NEW,
                List.of(
                    side(self.agency(), self.id(), self.contact(), self.disclosure()),
                    side(other.agency(), other.id(), other.contact(), other.disclosure())),
                targetDeadline(),
                null,
                "",
                null,
                clock.instant(),
                false,
                1);
        store(conflict);
        hits.add(
            hit(
                conflict.kind(),
                m,
                other.agency(),
                other.contact(),
                other.disclosure(),
                conflict.id(),
                null,
                0,
                false));
      } else {
        String reviewId = ReviewItem.idFor(self.id(), other.id());
        Optional<ReviewItem> existing = reviews.find(reviewId);
        if (existing.isPresent() && existing.get().status() == ReviewItem.Status.REJECTED) {
          continue; // a watch officer said these are different targets
        }
        ReviewItem item =
            new ReviewItem(
                reviewId,
                m.score(),
                m.reasons(),
                List.of(
                    side(self.agency(), self.id(), self.contact(), self.disclosure()),
                    side(other.agency(), other.id(), other.contact(), other.disclosure())),
                compared(self, other, m.matchedTypes()),
                ReviewItem.Status.PENDING,
                clock.instant(),
                null,
                "",
                "",
                1);
        Notice alert = alerts.reviewRequired(item);
        String change = reviewId + "@" + item.version();
        List<String> sides = List.of(self.id(), other.id());
        alerts.port().prepare(alert);
        feed.prepare(change, sides);
        reviews.insertIfAbsent(item);
        alerts.port().commit(alert);
        feed.commit(change, sides);
        hits.add(
            hit(
                Conflict.Kind.TARGET,
                m,
                other.agency(),
                other.contact(),
                other.disclosure(),
                "",
                null,
                0,
                true));
      }
    }
    return visible(hits);
  }

  public List<Hit> recordEventFindings(EventRegistration self, List<EventFinding> findings) {
    List<Hit> hits = new ArrayList<>();
    for (EventFinding f : findings) {
      EventRegistration other = f.registration();
      EventRules.EventOverlap o = f.overlap();
      Conflict conflict =
          new Conflict(
              Conflict.idFor(Conflict.Kind.EVENT, self.id(), other.id()),
              Conflict.Kind.EVENT,
              Tier.MATCH,
              o.score(),
              o.reasons(),
              Conflict.Status.NEW,
              List.of(
                  side(self.agency(), self.id(), self.contact(), self.disclosure()),
                  side(other.agency(), other.id(), other.contact(), other.disclosure())),
              o.deadline(),
              null,
              "",
              null,
              clock.instant(),
              false,
              1);
      store(conflict);
      hits.add(eventHit(o, other, conflict.id()));
    }
    return visible(hits);
  }

  /** When a target conflict created now must be acknowledged by. */
  public Instant targetDeadline() {
    return clock.instant().plus(settings.targetAcknowledgeWithin());
  }

  /** Stores a conflict and its alerts so that neither is lost nor doubled. */
  public void store(Conflict conflict) {
    List<Notice> announcements = alerts.conflictCreated(conflict);
    String change = conflict.id() + "@" + conflict.version();
    List<String> targets = targetRegistrations(conflict);
    announcements.forEach(alerts.port()::prepare);
    feed.prepare(change, targets);
    conflicts.insertIfAbsent(conflict);
    announcements.forEach(alerts.port()::commit);
    feed.commit(change, targets);
  }

  /** The target registrations a conflict's change concerns (none for an event conflict). */
  public static List<String> targetRegistrations(Conflict c) {
    return c.kind() == Conflict.Kind.TARGET
        ? c.sides().stream().map(Conflict.Side::registrationId).toList()
        : List.of();
  }

  public Hit eventHit(EventRules.EventOverlap o, EventRegistration other, String conflictId) {
    TargetMatch m =
        new TargetMatch(
            other.id(), other.agency().id(), Tier.MATCH, o.score(), o.reasons(), Set.of(), false);
    return hit(
        Conflict.Kind.EVENT,
        m,
        other.agency(),
        other.contact(),
        other.disclosure(),
        conflictId,
        o.deadline(),
        o.distanceMeters(),
        false);
  }

  /** A check's hit: what its owner lets the asker see. */
  public Hit ownerHit(OwnerFinding f) {
    TargetStore.Owner other = f.owner();
    return hit(
        Conflict.Kind.TARGET,
        f.match(),
        other.agency(),
        other.contact(),
        other.disclosure(),
        "",
        null,
        0,
        false);
  }

  private static Hit hit(
      Conflict.Kind kind,
      TargetMatch m,
      Agency owner,
      Contact contact,
      Disclosure disclosure,
      String conflictId,
      Instant deadline,
      double distance,
      boolean reviewQueued) {
    Hit.RequiredAction action;
    if (m.tier() == Tier.POSSIBLE) {
      action =
          reviewQueued ? Hit.RequiredAction.AWAIT_REVIEW : Hit.RequiredAction.CONTACT_WATCH_OFFICER;
    } else if (disclosure == Disclosure.OPEN) {
      action = Hit.RequiredAction.CONTACT_OWNER;
    } else {
      action =
          kind == Conflict.Kind.EVENT
              ? Hit.RequiredAction.CONTACT_WATCH_OFFICER
              : Hit.RequiredAction.AWAIT_OWNER;
    }
    return new Hit(
        kind,
        m.tier(),
        m.score(),
        m.reasons(),
        m.matchedTypes(),
        disclosure,
        DisclosurePolicy.showsAgency(disclosure) ? owner : null,
        DisclosurePolicy.showsContact(disclosure) ? contact : null,
        conflictId,
        deadline,
        distance,
        action,
        m.highFrequency());
  }

  /** What the asker may see ({@link DisclosurePolicy#visibleHits}). */
  public static List<Hit> visible(List<Hit> hits) {
    return DisclosurePolicy.visibleHits(hits);
  }

  private static Conflict.Side side(
      Agency agency, String id, Contact contact, Disclosure disclosure) {
    return new Conflict.Side(agency, id, contact, disclosure, null);
  }

  private static List<TargetSelector> compared(
      TargetRegistration self, TargetRegistration other, Set<SelectorType> types) {
    List<TargetSelector> compared = new ArrayList<>();
    for (TargetRegistration r : List.of(self, other)) {
      r.selectors().stream()
          .filter(s -> types.contains(s.type()))
          .findFirst()
          .ifPresent(s -> compared.add(s.input()));
    }
    return compared;
  }
}
