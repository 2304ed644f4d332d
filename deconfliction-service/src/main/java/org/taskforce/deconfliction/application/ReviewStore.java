package org.taskforce.deconfliction.application;

import java.util.Optional;
import java.util.Set;
import org.taskforce.deconfliction.domain.ReviewItem;

/** The watch officers' review queue. */
public interface ReviewStore {
  boolean insertIfAbsent(ReviewItem item);

  Optional<ReviewItem> find(String id);

  boolean exists(String id);

  boolean replace(ReviewItem item, long expectedVersion);

  Page<ReviewItem> list(Set<ReviewItem.Status> statuses, int size, String token);
}
