package org.taskforce.deconfliction.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Registration;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The writes a target registration and a planned operation both go through, in the same order:
 * marked pending, stored, indexed, matched, pending mark cleared; a change stores the new version
 * and moves its index entries only once it is stored. A crash anywhere leaves a pending mark that a
 * retry or the repair sweep settles ({@link #settle}), and every step is idempotent.
 *
 * @param <R> the kind of registration
 */
final class RegistrationWrites<R extends Registration> {
  /** How the kind differs: its seams, its noun in errors, its index entries, its matching. */
  record Kind<R>(
      PendingRegistrations.Kind pending,
      Seams seams,
      String noun,
      Function<R, Map<String, IndexEntry>> entries,
      Function<R, List<Hit>> match) {}

  /**
   * The crash seams a kind's writes pass, named as fault tests and {@code HaltAtSeam} name them
   * (constants, so a seam is the very string a test arms).
   */
  record Seams(String stored, String indexed, String matched, String replaced) {
    static final Seams TARGET =
        new Seams("target.stored", "target.indexed", "target.matched", "target.replaced");
    static final Seams EVENT =
        new Seams("event.stored", "event.indexed", "event.matched", "event.replaced");
  }

  private final Kind<R> kind;
  private final RegistrationStore<R> store;
  private final MatchIndex index;
  private final PendingRegistrations pending;
  private final WriteSeams seams;
  private final ConflictSides sides;
  private final Clock clock;

  RegistrationWrites(Kind<R> kind, RegistrationStore<R> store, RegistrationWriting parts) {
    this.kind = kind;
    this.store = store;
    this.index = parts.index();
    this.pending = parts.pending();
    this.seams = parts.seams();
    this.sides = parts.sides();
    this.clock = parts.clock();
  }

  /** A create's id: random without a request id, else the same for every retry of the request. */
  static String idFor(String prefix, AgencyPrincipal caller, String requestId) {
    return requestId == null || requestId.isBlank()
        ? prefix + UUID.randomUUID()
        : prefix
            + UUID.nameUUIDFromBytes(
                (caller.agencyId() + "|" + requestId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Marks a new registration pending and stores it; the registration stored before under its id
   * when this is a retried create (then nothing is stored), else empty.
   */
  Optional<R> insert(R registration) {
    String id = registration.id();
    pending.begin(kind.pending(), id, registration.created().time());
    if (!store.insert(registration)) {
      // A retried create: the first one stands, and whatever of it did not finish (index, match,
      // alerts) is finished by settling it, so the answer is the one a first success would give.
      return Optional.of(store.find(id).orElseThrow());
    }
    seams.reached(kind.seams().stored());
    return Optional.empty();
  }

  /**
   * Finishes a stored registration's writes: indexes it, records its conflicts, review items and
   * alerts (each idempotent, keyed by the pair), and clears its pending mark. Used by create, by a
   * retried create, by a change and by the repair sweep; returns the hits its owner may see.
   */
  List<Hit> settle(R r) {
    List<PendingRegistrations.Retired> retired = pending.retired(r.id());
    if (!r.matchable(clock.instant())) {
      index.removeRetired(retired, Map.of());
      pending.finish(r.id());
      return List.of();
    }
    var entries = kind.entries().apply(r);
    index.add(entries);
    // A change that died before moving the entries left the old version's behind: take them out.
    index.removeRetired(retired, entries);
    if (r.version() > 1) {
      // What the other sides of its conflicts see follows the disclosure it has now.
      sides.rewrite(r.id(), r.contact(), r.disclosure());
    }
    seams.reached(kind.seams().indexed());
    List<Hit> hits = kind.match().apply(r);
    seams.reached(kind.seams().matched());
    pending.finish(r.id());
    return hits;
  }

  /** Stores a changed version of an active registration and settles it; its hits. */
  List<Hit> change(R updated, R current) {
    pending.begin(kind.pending(), current.id(), clock.instant(), kind.entries().apply(current));
    if (updated.disclosure() != current.disclosure()) {
      // Until the new version is stored, its conflicts show the stricter of the two levels.
      sides.rewrite(
          current.id(),
          current.contact(),
          ConflictSides.stricter(current.disclosure(), updated.disclosure()));
    }
    replace(updated, current);
    return settle(updated);
  }

  /**
   * Stores the new version and moves its index entries; the old entries go only once it is stored.
   */
  void replace(R updated, R current) {
    if (!store.replace(updated, current.version())) {
      throw TaskforceException.staleEtag(kind.noun(), current.id());
    }
    seams.reached(kind.seams().replaced());
    index.move(
        kind.entries().apply(current),
        updated.status() == RegistrationStatus.ACTIVE ? kind.entries().apply(updated) : Map.of());
  }

  /** The caller's agency's own registration; someone else's reads as one that does not exist. */
  R own(AgencyPrincipal caller, String id) {
    return store
        .find(id)
        .filter(r -> r.agency().id().equals(caller.agencyId()))
        .orElseThrow(() -> TaskforceException.notFound(kind.noun(), id));
  }

  /** The caller's own registration at the version the caller read (its etag). */
  R own(AgencyPrincipal caller, String id, long expectedVersion) {
    R r = own(caller, id);
    if (expectedVersion != r.version()) {
      throw TaskforceException.staleEtag(kind.noun(), r.id());
    }
    return r;
  }

  /** The caller's own registration at the version the caller read, refused unless it is active. */
  R ownActive(AgencyPrincipal caller, String id, long expectedVersion) {
    R r = own(caller, id, expectedVersion);
    if (r.status() != RegistrationStatus.ACTIVE) {
      throw TaskforceException.failedPrecondition(
          "REGISTRATION_NOT_ACTIVE", "only active registrations can be changed");
    }
    return r;
  }

  /** A stored registration by id (for the repair sweep). */
  Optional<R> find(String id) {
    return store.find(id);
  }
}
