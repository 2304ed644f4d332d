package org.taskforce.notifications.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.taskforce.notifications.domain.Notification;

/**
 * Where one stream stands in its agency's sequence. A publisher takes a number before it stores the
 * notification, so a number may be missing for a moment: the stream holds back what follows until
 * the gap fills, and gives the number up only when it has stayed missing for {@code grace} since
 * the stream first saw it (the publisher died between the two steps).
 */
public final class StreamCursor {
  private final Duration grace;
  private long last;
  private long gap = -1;
  private Instant gapSeen;

  public StreamCursor(long after, Duration grace) {
    this.last = after;
    this.grace = grace;
  }

  public long last() {
    return last;
  }

  /**
   * Goes on at the start of a newer era once everything of the current one is read: nothing more is
   * ever numbered in an older era, so what it still lacks was lost, not late.
   */
  public void jumpTo(long eraStart) {
    if (eraStart > last) {
      last = eraStart;
      gap = -1;
    }
  }

  /** Of the notifications found after {@link #last()} (any order), those to send now, in order. */
  public List<Notification> accept(List<Notification> found, Instant now) {
    List<Notification> sorted = new ArrayList<>(found);
    sorted.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    List<Notification> ready = new ArrayList<>();
    for (Notification n : sorted) {
      if (n.sequence() <= last) {
        continue;
      }
      long expected = last + 1;
      if (n.sequence() != expected) {
        if (gap != expected) {
          gap = expected;
          gapSeen = now;
          break;
        }
        if (now.isBefore(gapSeen.plus(grace))) {
          break;
        }
      }
      ready.add(n);
      last = n.sequence();
    }
    return ready;
  }
}
