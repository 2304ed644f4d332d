package org.taskforce.deconfliction.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taskforce.deconfliction.domain.ReviewItem;

/** The watch officers' review queue. */
public interface ReviewStore {
  boolean insertIfAbsent(ReviewItem item);

  Optional<ReviewItem> find(String id);

  boolean exists(String id);

  boolean replace(ReviewItem item, long expectedVersion);

  /** Review items newest first, after {@code position} (see {@link #position}). */
  List<ReviewItem> list(Set<ReviewItem.Status> statuses, List<String> position, int limit);

  static List<String> position(ReviewItem i) {
    return List.of(String.valueOf(i.createTime().toEpochMilli()), i.id());
  }

  /** The review items one of whose sides is this registration. */
  List<ReviewItem> forRegistration(String registrationId);

  /**
   * Deletes the review item if it is still at {@code expectedVersion} (a purge takes a
   * registration's review items along: they hold what was compared); false when it changed or is
   * gone.
   */
  boolean delete(String id, long expectedVersion);
}
