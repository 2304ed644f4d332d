package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The watch officers' review queue of POSSIBLE matches: list, confirm (the pair becomes a conflict
 * both sides are told of) or reject (never raised again for the pair).
 */
public final class ReviewQueue {
  private final ReviewStore reviews;
  private final ConflictStore conflicts;
  private final FindingRecorder recorder;
  private final AuditTrail audit;
  private final Clock clock;
  private final DisclosurePolicy policy;
  private final PageTokens pageTokens;
  private final SubjectFeed feed;

  public ReviewQueue(
      ReviewStore reviews,
      ConflictStore conflicts,
      FindingRecorder recorder,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      SubjectFeed feed) {
    this.reviews = reviews;
    this.conflicts = conflicts;
    this.recorder = recorder;
    this.audit = audit;
    this.clock = clock;
    this.policy = policy;
    this.pageTokens = pageTokens;
    this.feed = feed;
  }

  public Page<ReviewItem> listReviews(
      AgencyPrincipal caller, Set<ReviewItem.Status> statuses, int size, String token) {
    policy.requireWatchOfficer(caller, "review possible matches");
    PageQuery query = PageQuery.of("deconfliction.review-items").with("statuses", statuses);
    return pageTokens.page(
        query,
        token,
        size,
        (after, limit) -> reviews.list(statuses, after, limit),
        ReviewStore::position);
  }

  public record Confirmed(ReviewItem item, Conflict conflict) {}

  public Confirmed confirm(AgencyPrincipal caller, String id, String note) {
    policy.requireWatchOfficer(caller, "review possible matches");
    Bounds.requireNote(note);
    ReviewItem item =
        reviews.find(id).orElseThrow(() -> TaskforceException.notFound("review item", id));
    if (item.status() == ReviewItem.Status.REJECTED) {
      throw TaskforceException.failedPrecondition("REVIEW_DECIDED", "the review item was rejected");
    }
    Conflict.Side first = item.sides().get(0);
    Conflict.Side second = item.sides().get(1);
    String conflictId =
        Conflict.idFor(Conflict.Kind.TARGET, first.registrationId(), second.registrationId());
    Conflict conflict =
        new Conflict(
            conflictId,
            Conflict.Kind.TARGET,
            Tier.POSSIBLE,
            item.score(),
            confirmedReasons(item),
            Conflict.Status.NEW,
            item.sides(),
            recorder.targetDeadline(),
            null,
            "",
            null,
            clock.instant(),
            false,
            1);
    recorder.store(conflict);
    if (item.status() == ReviewItem.Status.PENDING) {
      ReviewItem confirmed = decide(item, ReviewItem.Status.CONFIRMED, caller, note, conflictId);
      if (!reviews.replace(confirmed, item.version())) {
        throw TaskforceException.staleEtag("review item", id);
      }
      item = confirmed;
    }
    audit.record(
        caller,
        "review.confirm",
        "reviewItems/" + id,
        Outcome.SUCCESS,
        "",
        Map.of("conflictId", conflictId));
    return new Confirmed(item, conflicts.find(conflictId).orElse(conflict));
  }

  public ReviewItem reject(AgencyPrincipal caller, String id, String note) {
    policy.requireWatchOfficer(caller, "review possible matches");
    if (note == null || note.isBlank()) {
      throw TaskforceException.invalidArgument("note", "say why these are different targets");
    }
    Bounds.requireNote(note);
    ReviewItem item =
        reviews.find(id).orElseThrow(() -> TaskforceException.notFound("review item", id));
    if (item.status() == ReviewItem.Status.REJECTED) {
      return item;
    }
    if (item.status() == ReviewItem.Status.CONFIRMED) {
      throw TaskforceException.failedPrecondition(
          "REVIEW_DECIDED", "the review item was confirmed; resolve its conflict instead");
    }
    ReviewItem rejected = decide(item, ReviewItem.Status.REJECTED, caller, note, "");
    String change = id + "@" + rejected.version();
    List<String> targets = item.sides().stream().map(Conflict.Side::registrationId).toList();
    feed.prepare(change, targets);
    if (!reviews.replace(rejected, item.version())) {
      throw TaskforceException.staleEtag("review item", id);
    }
    feed.commit(change, targets);
    audit.record(caller, "review.reject", "reviewItems/" + id, Outcome.SUCCESS, "", Map.of());
    return rejected;
  }

  private ReviewItem decide(
      ReviewItem i,
      ReviewItem.Status status,
      AgencyPrincipal caller,
      String note,
      String conflictId) {
    return i.decidedAs(
        status,
        DeconflictionAccessPolicy.stamp(caller, clock.instant()),
        note == null ? "" : note,
        conflictId);
  }

  private static List<String> confirmedReasons(ReviewItem item) {
    List<String> reasons = new ArrayList<>(item.reasons());
    reasons.add("confirmed by a watch officer");
    return reasons;
  }
}
