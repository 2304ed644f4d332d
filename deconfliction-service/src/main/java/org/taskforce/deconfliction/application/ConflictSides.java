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
      Conflict conflict = found;
      for (int attempt = 0; conflict != null && attempt < ATTEMPTS; attempt++) {
        List<Conflict.Side> sides = sides(conflict.sides(), registrationId, contact, disclosure);
        if (sides.equals(conflict.sides())) {
          break;
        }
        Conflict updated = conflict.withSides(conflict.status(), sides);
        String change = conflict.id() + "@" + updated.version();
        List<String> targets = FindingRecorder.targetRegistrations(updated);
        feed.prepare(change, targets);
        if (conflicts.replace(updated, conflict.version())) {
          feed.commit(change, targets);
          break;
        }
        conflict = conflicts.find(conflict.id()).orElse(null);
      }
    }
    for (ReviewItem found : reviews.forRegistration(registrationId)) {
      ReviewItem item = found;
      for (int attempt = 0; item != null && attempt < ATTEMPTS; attempt++) {
        List<Conflict.Side> sides = sides(item.sides(), registrationId, contact, disclosure);
        if (sides.equals(item.sides())) {
          break;
        }
        ReviewItem updated = item.withSides(sides);
        String change = item.id() + "@" + updated.version();
        List<String> targets = sides.stream().map(Conflict.Side::registrationId).toList();
        feed.prepare(change, targets);
        if (reviews.replace(updated, item.version())) {
          feed.commit(change, targets);
          break;
        }
        item = reviews.find(item.id()).orElse(null);
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
