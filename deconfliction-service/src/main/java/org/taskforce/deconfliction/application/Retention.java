package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTrail;

/**
 * Retention (28 CFR Part 23): registrations past their expiry stop matching at once (matching
 * checks expiry on every hit) and are marked EXPIRED and taken out of the index here; ended
 * registrations are purged after the review period; every purge is audited.
 *
 * <p>A purge takes the registration's conflicts and review items first and the registration last,
 * so a purge stopped half way by a crash is finished by the next run. The surviving other sides are
 * told through the {@link SubjectFeed} (their subjects no longer have that conflict), with a state
 * version that still grows: their {@link SubjectVersionFloors floor} is raised before each deletion
 * by more than the deleted record counted.
 */
public final class Retention {
  private static final int BATCH = 500;
  private final TargetStore targets;
  private final EventStore events;
  private final MatchIndex index;
  private final Matcher matcher;
  private final DeconflictionSettings settings;
  private final AuditTrail audit;
  private final Clock clock;
  private final ConflictStore conflicts;
  private final ReviewStore reviews;
  private final SubjectFeed feed;
  private final SubjectVersionFloors floors;

  public Retention(
      TargetStore targets,
      EventStore events,
      ConflictStore conflicts,
      ReviewStore reviews,
      MatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      AuditTrail audit,
      Clock clock,
      SubjectFeed feed,
      SubjectVersionFloors floors) {
    this.targets = targets;
    this.feed = feed;
    this.floors = floors;
    this.conflicts = conflicts;
    this.reviews = reviews;
    this.events = events;
    this.index = index;
    this.matcher = matcher;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** What one run did. */
  public record Report(
      int expired, int purgedTargets, int purgedEvents, int purgedConflicts, int purgedReviews) {}

  public Report run() {
    Instant now = clock.instant();
    int expired = 0;
    for (TargetRegistration registration : targets.expired(now, BATCH)) {
      TargetRegistration e =
          registration.with(
              registration.selectors(),
              registration.contact(),
              registration.caseReference(),
              registration.disclosure(),
              registration.expireTime(),
              RegistrationStatus.EXPIRED,
              // The review period runs from the expiry, not from the last edit.
              new Stamp("system:retention", "retention job", registration.agency().id(), now));
      if (targets.replace(e, registration.version())) {
        index.remove(matcher.entries(registration));
        expired++;
      }
    }
    Instant cutoff = now.minus(settings.purgeAfter());
    int purgedTargets = 0;
    int purgedConflicts = 0;
    int purgedReviews = 0;
    for (TargetRegistration registration : targets.purgeable(cutoff, BATCH)) {
      purgedConflicts += purgeConflictsOf(now, registration.id(), registration.agency().id());
      purgedReviews += purgeReviewsOf(now, registration.id(), registration.agency().id());
      index.remove(matcher.entries(registration));
      targets.delete(registration.id());
      floors.forget(registration.id());
      audit.append(
          purgeEntry(
              now,
              "targets/" + registration.id(),
              registration.agency().id(),
              registration.status().name()));
      purgedTargets++;
    }
    int purgedEvents = 0;
    for (EventRegistration registration : events.endedBefore(cutoff, BATCH)) {
      purgedConflicts += purgeConflictsOf(now, registration.id(), registration.agency().id());
      index.remove(matcher.entries(registration));
      events.delete(registration.id());
      audit.append(
          purgeEntry(
              now,
              "events/" + registration.id(),
              registration.agency().id(),
              registration.status().name()));
      purgedEvents++;
    }
    return new Report(expired, purgedTargets, purgedEvents, purgedConflicts, purgedReviews);
  }

  /**
   * A registration's conflicts and review items go with it: conflicts hold its reasons and contact,
   * review items the compared selectors (names, dates of birth as registered). The other side's
   * registration stays; the audit trail keeps that they existed, and were purged.
   */
  private int purgeConflictsOf(Instant now, String registrationId, String ownerAgency) {
    int purged = 0;
    for (Conflict found : conflicts.forRegistration(registrationId)) {
      Conflict current = found;
      while (current != null) {
        List<String> others = others(FindingRecorder.targetRegistrations(current), registrationId);
        Conflict conflict = current;
        if (deleteTold(
            current.id(),
            current.version(),
            others,
            () -> conflicts.delete(conflict.id(), conflict.version()))) {
          audit.append(
              purged(
                  now, "conflict.purge", "conflicts/", current.id(), registrationId, ownerAgency));
          purged++;
          break;
        }
        current =
            conflicts.find(current.id()).orElse(null); // changed meanwhile: purge what it is now
      }
    }
    return purged;
  }

  private int purgeReviewsOf(Instant now, String registrationId, String ownerAgency) {
    int purged = 0;
    for (ReviewItem found : reviews.forRegistration(registrationId)) {
      ReviewItem current = found;
      while (current != null) {
        List<String> others =
            others(
                current.sides().stream().map(Conflict.Side::registrationId).toList(),
                registrationId);
        ReviewItem item = current;
        if (deleteTold(
            current.id(),
            current.version(),
            others,
            () -> reviews.delete(item.id(), item.version()))) {
          audit.append(
              purged(
                  now, "review.purge", "reviewItems/", current.id(), registrationId, ownerAgency));
          purged++;
          break;
        }
        current = reviews.find(current.id()).orElse(null);
      }
    }
    return purged;
  }

  /**
   * Deletes one record at {@code version}, the surviving sides' floors raised first by more than
   * the record counted in their state version, and their new state announced.
   */
  private boolean deleteTold(
      String id, long version, List<String> others, java.util.function.BooleanSupplier delete) {
    others.forEach(o -> floors.raise(o, version + 1));
    String change = "purge:" + id + "@" + version;
    feed.prepare(change, others);
    boolean deleted = delete.getAsBoolean();
    if (deleted) {
      feed.commit(change, others);
    }
    return deleted;
  }

  private static List<String> others(List<String> sides, String purged) {
    return sides.stream().filter(s -> !s.equals(purged)).distinct().toList();
  }

  private AuditEntry purged(
      Instant now,
      String action,
      String collection,
      String id,
      String registrationId,
      String ownerAgency) {
    return purgeEntry(
        now, action, collection + id, ownerAgency, "registration " + registrationId + " purged");
  }

  private AuditEntry purgeEntry(Instant now, String resource, String ownerAgency, String status) {
    return purgeEntry(now, "registration.purge", resource, ownerAgency, status);
  }

  private AuditEntry purgeEntry(
      Instant now, String action, String resource, String ownerAgency, String status) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ownerAgency", ownerAgency);
    details.put("statusAtPurge", status);
    details.put("retention", settings.purgeAfter().toString());
    return new AuditEntry(
        UUID.randomUUID().toString(),
        now,
        "system:retention",
        "retention job",
        "",
        "",
        action,
        resource,
        AuditEntry.Outcome.SUCCESS,
        "28 CFR Part 23 retention",
        "",
        details);
  }
}
