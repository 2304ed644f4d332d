package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTrail;

/**
 * Retention (28 CFR Part 23): registrations past their expiry stop matching at once (matching
 * checks expiry on every hit) and are marked EXPIRED and taken out of the index here; ended
 * registrations are purged after the review period; every purge is audited.
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

  public Retention(
      TargetStore targets,
      EventStore events,
      ConflictStore conflicts,
      ReviewStore reviews,
      MatchIndex index,
      Matcher matcher,
      DeconflictionSettings settings,
      AuditTrail audit,
      Clock clock) {
    this.targets = targets;
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
    for (TargetRegistration r : targets.expired(now, BATCH)) {
      TargetRegistration e =
          r.with(
              r.selectors(),
              r.contact(),
              r.caseReference(),
              r.disclosure(),
              r.expireTime(),
              RegistrationStatus.EXPIRED,
              // The review period runs from the expiry, not from the last edit.
              new Stamp("system:retention", "retention job", r.agency().id(), now));
      if (targets.replace(e, r.version())) {
        index.remove(matcher.entries(r));
        expired++;
      }
    }
    Instant cutoff = now.minus(settings.purgeAfter());
    int purgedTargets = 0;
    int purgedConflicts = 0;
    int purgedReviews = 0;
    for (TargetRegistration r : targets.purgeable(cutoff, BATCH)) {
      index.remove(matcher.entries(r));
      targets.delete(r.id());
      audit.append(purgeEntry(now, "targets/" + r.id(), r.agency().id(), r.status().name()));
      purgedTargets++;
      purgedConflicts += purgeRecordsOf(now, r.id(), r.agency().id());
      purgedReviews += purgeReviewsOf(now, r.id(), r.agency().id());
    }
    int purgedEvents = 0;
    for (EventRegistration r : events.endedBefore(cutoff, BATCH)) {
      index.remove(matcher.entries(r));
      events.delete(r.id());
      audit.append(purgeEntry(now, "events/" + r.id(), r.agency().id(), r.status().name()));
      purgedEvents++;
      purgedConflicts += purgeRecordsOf(now, r.id(), r.agency().id());
    }
    return new Report(expired, purgedTargets, purgedEvents, purgedConflicts, purgedReviews);
  }

  /**
   * A registration's conflicts and review items go with it: conflicts hold its reasons and contact,
   * review items the compared selectors (names, dates of birth as registered). The other side's
   * registration stays; the audit trail keeps that they existed, and were purged.
   */
  private int purgeRecordsOf(Instant now, String registrationId, String ownerAgency) {
    return purgeAll(
        now,
        conflicts.deleteForRegistration(registrationId),
        "conflict.purge",
        "conflicts/",
        registrationId,
        ownerAgency);
  }

  private int purgeReviewsOf(Instant now, String registrationId, String ownerAgency) {
    return purgeAll(
        now,
        reviews.deleteForRegistration(registrationId),
        "review.purge",
        "reviewItems/",
        registrationId,
        ownerAgency);
  }

  private int purgeAll(
      Instant now,
      List<String> ids,
      String action,
      String collection,
      String registrationId,
      String ownerAgency) {
    ids.forEach(id ->
        audit.append(
            purgeEntry(
                now,
                action,
                collection + id,
                ownerAgency,
                "registration " + registrationId + " purged")));
    return ids.size();
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
