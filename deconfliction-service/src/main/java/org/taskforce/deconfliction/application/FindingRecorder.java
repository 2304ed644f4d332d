package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.deconfliction.domain.Registration;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.deconfliction.domain.SelectorType;
import org.taskforce.deconfliction.domain.TargetMatch;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.notify.Notice;

/**
 * Records what a registration's matching found: each MATCH as a conflict and each POSSIBLE match as
 * a review item, with their alerts and subject-feed changes, exactly once per pair.
 */
public final class FindingRecorder {
  private final ConflictStore conflicts;
  private final ReviewStore reviews;
  private final AlertComposer alerts;
  private final DeconflictionSettings settings;
  private final Clock clock;
  private final SubjectFeed feed;

  public FindingRecorder(
      ConflictStore conflicts,
      ReviewStore reviews,
      AlertComposer alerts,
      DeconflictionSettings settings,
      Clock clock,
      SubjectFeed feed) {
    this.conflicts = conflicts;
    this.reviews = reviews;
    this.alerts = alerts;
    this.settings = settings;
    this.clock = clock;
    this.feed = feed;
  }

  /**
   * Records a registered target's findings: conflicts for MATCHes, review items for POSSIBLE
   * matches (never again for a rejected pair). Returns the hits for the registering agency.
   */
  public List<Hit> recordTargetFindings(
      TargetRegistration self, List<Matcher.TargetFinding> findings) {
    List<Hit> hits = new ArrayList<>();
    for (Matcher.TargetFinding finding : findings) {
      TargetRegistration other = finding.registration();
      TargetMatch match = finding.match();
      if (match.tier() == Tier.MATCH) {
        Conflict conflict =
            newConflict(
                Conflict.Kind.TARGET,
                self,
                other,
                match.score(),
                match.reasons(),
                targetDeadline());
        store(conflict);
        hits.add(
            Hits.of(
                conflict.kind(),
                match,
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
                match.score(),
                match.reasons(),
                List.of(side(self), side(other)),
                compared(self, other, match.matchedTypes()),
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
            Hits.of(
                Conflict.Kind.TARGET,
                match,
                other.agency(),
                other.contact(),
                other.disclosure(),
                "",
                null,
                0,
                true));
      }
    }
    return DisclosurePolicy.visibleHits(hits);
  }

  public List<Hit> recordEventFindings(
      EventRegistration self, List<Matcher.EventFinding> findings) {
    List<Hit> hits = new ArrayList<>();
    for (Matcher.EventFinding finding : findings) {
      EventRegistration other = finding.registration();
      EventRules.EventOverlap overlap = finding.overlap();
      Conflict conflict =
          newConflict(
              Conflict.Kind.EVENT,
              self,
              other,
              overlap.score(),
              overlap.reasons(),
              overlap.deadline());
      store(conflict);
      hits.add(Hits.event(overlap, other, conflict.id()));
    }
    return DisclosurePolicy.visibleHits(hits);
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
  public static List<String> targetRegistrations(Conflict conflict) {
    return conflict.kind() == Conflict.Kind.TARGET
        ? conflict.sides().stream().map(Conflict.Side::registrationId).toList()
        : List.of();
  }

  /** A NEW conflict between a registration and one it matched, created now. */
  private Conflict newConflict(
      Conflict.Kind kind,
      Registration self,
      Registration other,
      double score,
      List<String> reasons,
      Instant deadline) {
    return new Conflict(
        Conflict.idFor(kind, self.id(), other.id()),
        kind,
        Tier.MATCH,
        score,
        reasons,
        Conflict.Status.NEW,
        List.of(side(self), side(other)),
        deadline,
        null,
        "",
        null,
        clock.instant(),
        false,
        1);
  }

  private static Conflict.Side side(Registration r) {
    return new Conflict.Side(r.agency(), r.id(), r.contact(), r.disclosure(), null);
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
