package org.taskforce.deconfliction.application;

import java.util.List;
import java.util.Optional;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.deconfliction.domain.TargetRegistration;

/**
 * A target registration's deconfliction state as its owning agency may know it, read from the
 * stored conflicts and review items: what {@link SubjectFeed} delivers to case-service. Only what
 * the owner may read counts (a conflict with a RESTRICTED owner it was never told of does not), and
 * the summary names no other agency and nothing of the other side.
 */
public final class SubjectStates {
  /** As case-service's DeconflictionState names them. */
  public enum State {
    REGISTERED_NO_CONFLICT,
    CONFLICT,
    POSSIBLE_MATCH_UNDER_REVIEW,
    CONFLICT_RESOLVED
  }

  /**
   * @param version grows with every change of the registration's conflicts and review items (the
   *     sum of their versions, each at least 1, plus the {@link SubjectVersionFloors floor} purges
   *     raised before taking some away), whoever may read them, so the later of two snapshots is
   *     the larger one whichever replica read it
   */
  public record Snapshot(
      String registrationId,
      String agencyId,
      String requestId,
      State state,
      long version,
      String summary) {}

  private final TargetStore targets;
  private final ConflictStore conflicts;
  private final ReviewStore reviews;
  private final DisclosurePolicy policy;
  private final SubjectVersionFloors floors;

  public SubjectStates(
      TargetStore targets,
      ConflictStore conflicts,
      ReviewStore reviews,
      DisclosurePolicy policy,
      SubjectVersionFloors floors) {
    this.targets = targets;
    this.conflicts = conflicts;
    this.reviews = reviews;
    this.policy = policy;
    this.floors = floors;
  }

  /**
   * The state of an active registration made with a request id (the only ones a case subject can
   * have made); empty for any other.
   */
  public Optional<Snapshot> of(String registrationId) {
    Optional<TargetRegistration> found = targets.find(registrationId);
    if (found.isEmpty()
        || found.get().requestId().isEmpty()
        || found.get().status() != RegistrationStatus.ACTIVE) {
      return Optional.empty();
    }
    TargetRegistration registration = found.get();
    String owner = registration.agency().id();
    List<Conflict> all =
        conflicts.forRegistration(registrationId).stream()
            .filter(c -> c.kind() == Conflict.Kind.TARGET)
            .toList();
    List<ReviewItem> items = reviews.forRegistration(registrationId);
    // The floor is read after the records: a purge raises it before it deletes, so whatever of a
    // concurrent purge these reads missed, the floor counts it.
    long version =
        all.stream().mapToLong(Conflict::version).sum()
            + items.stream().mapToLong(ReviewItem::version).sum()
            + floors.of(registrationId);
    List<Conflict> readable = all.stream().filter(c -> policy.sideMayRead(c, owner)).toList();
    long open = readable.stream().filter(c -> c.status() != Conflict.Status.RESOLVED).count();
    long underReview =
        items.stream()
            .filter(i -> i.status() == ReviewItem.Status.PENDING)
            .filter(i -> policy.sidesMayRead(i.sides(), owner))
            .count();
    State state;
    String summary;
    if (open > 0) {
      state = State.CONFLICT;
      summary = open == 1 ? "1 open conflict" : open + " open conflicts";
    } else if (underReview > 0) {
      state = State.POSSIBLE_MATCH_UNDER_REVIEW;
      summary = "a possible match awaits the watch officers' review";
    } else if (!readable.isEmpty()) {
      state = State.CONFLICT_RESOLVED;
      summary =
          readable.size() == 1 ? "its conflict is resolved" : "all its conflicts are resolved";
    } else {
      state = State.REGISTERED_NO_CONFLICT;
      summary = "no conflict";
    }
    return Optional.of(
        new Snapshot(registration.id(), owner, registration.requestId(), state, version, summary));
  }
}
