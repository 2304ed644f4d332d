package org.taskforce.cases.intake.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipSource;

/** Where tips are kept (collection {@code tips}); never the reporter. */
public interface TipStore {
  Optional<Tip> get(String tipId);

  /** False when a tip with this id exists already (a retried create). */
  boolean insertIfAbsent(Tip tip);

  /** Replaces the tip if it is still at {@code expectedVersion}; false when someone changed it. */
  boolean replace(Tip next, long expectedVersion);

  /** Newest first, only tips the query's agency may see. */
  Page<Tip> list(TipQuery query, int pageSize, String pageToken);

  /**
   * Tips other than {@code tipId} that carry one of {@code keys} and that {@code visibleTo} may
   * see, newest first; found by point reads of the keys, never by scanning tips.
   */
  Page<Tip> related(
      String tipId, Set<String> keys, String visibleTo, int pageSize, String pageToken);

  /**
   * Tips left CONVERTING by a conversion claimed before {@code claimedBefore} (a crash, or a
   * conversion still running if the grace is too short: finishing is idempotent), oldest first.
   */
  List<Tip> converting(Instant claimedBefore, int limit);

  /** Every tip an agency received from one source, oldest first (for outcome exports). */
  void forEachReceived(String agencyId, TipSource source, Consumer<Tip> each);
}
