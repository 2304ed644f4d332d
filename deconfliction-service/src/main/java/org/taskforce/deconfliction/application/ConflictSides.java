package org.taskforce.deconfliction.application;

import java.util.List;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.ReviewItem;

/**
 * Keeps the sides of a registration's stored conflicts and review items in step with the
 * registration's current disclosure and contact: what the other side may see (and who may read the
 * conflict at all, its {@code readers}) follows the disclosure the owner chose now, never the one
 * it chose when the conflict arose. Each rewrite is a compare-and-set on the conflict's version,
 * retried against a concurrent change; a rewrite already done changes nothing.
 */
public final class ConflictSides {
  private static final int ATTEMPTS = 5;
  private final ConflictStore conflicts;
  private final ReviewStore reviews;
  private final SubjectFeed feed;

  public ConflictSides(ConflictStore conflicts, ReviewStore reviews, SubjectFeed feed) {
    this.conflicts = conflicts;
    this.reviews = reviews;
    this.feed = feed;
  }

  /** The stricter of two levels: what a side shows while a change between them is in flight. */
  public static Disclosure stricter(Disclosure a, Disclosure b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /** Makes every conflict and review item of the registration show its side as given. */
  public void rewrite(String registrationId, Contact contact, Disclosure disclosure) {
    for (Conflict found : conflicts.forRegistration(registrationId)) {
      Conflict c = found;
      for (int attempt = 0; c != null && attempt < ATTEMPTS; attempt++) {
        List<Conflict.Side> sides = sides(c.sides(), registrationId, contact, disclosure);
        if (sides.equals(c.sides())) {
          break;
        }
        Conflict updated =
            new Conflict(
                c.id(),
                c.kind(),
                c.tier(),
                c.score(),
                c.reasons(),
                c.status(),
                sides,
                c.deadline(),
                c.resolution(),
                c.resolutionNote(),
                c.resolved(),
                c.createTime(),
                c.escalated(),
                c.version() + 1);
        String change = c.id() + "@" + updated.version();
        List<String> targets = FindingRecorder.targetRegistrations(updated);
        feed.prepare(change, targets);
        if (conflicts.replace(updated, c.version())) {
          feed.commit(change, targets);
          break;
        }
        c = conflicts.find(c.id()).orElse(null);
      }
    }
    for (ReviewItem found : reviews.forRegistration(registrationId)) {
      ReviewItem i = found;
      for (int attempt = 0; i != null && attempt < ATTEMPTS; attempt++) {
        List<Conflict.Side> sides = sides(i.sides(), registrationId, contact, disclosure);
        if (sides.equals(i.sides())) {
          break;
        }
        ReviewItem updated =
            new ReviewItem(
                i.id(),
                i.score(),
                i.reasons(),
                sides,
                i.comparedSelectors(),
                i.status(),
                i.createTime(),
                i.decided(),
                i.decisionNote(),
                i.conflictId(),
                i.version() + 1);
        String change = i.id() + "@" + updated.version();
        List<String> targets = sides.stream().map(Conflict.Side::registrationId).toList();
        feed.prepare(change, targets);
        if (reviews.replace(updated, i.version())) {
          feed.commit(change, targets);
          break;
        }
        i = reviews.find(i.id()).orElse(null);
      }
    }
  }

  private static List<Conflict.Side> sides(
      List<Conflict.Side> sides, String registrationId, Contact contact, Disclosure disclosure) {
    return sides.stream()
        .map(s ->
            s.registrationId().equals(registrationId)
                ? new Conflict.Side(
                    s.agency(),
                    s.registrationId(),
                    contact,
                    disclosure,
                    s.acknowledged(),
                    s.acknowledgementNote())
                : s)
        .toList();
  }
}
