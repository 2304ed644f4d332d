package org.taskforce.deconfliction.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.taskforce.deconfliction.domain.Registration;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.platform.audit.AuditEntry.Outcome;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The life of a registration that target registrations and planned operations share: a create is
 * prepared (validated and built, nothing stored), then stored with its writes settled and audited
 * as the caller's; a read is of the caller's own; a change is stored, settled and audited; an
 * ending is a {@link RegistrationEnding}. A kind says how its draft becomes a registration and what
 * its create's audit entry adds.
 *
 * @param <R> the kind of registration
 * @param <D> what a caller asks to register
 */
public abstract class RegistrationLifecycle<R extends Registration, D> {
  private final String name;
  private final RegistrationServices services;
  private final RegistrationWrites<R> writes;

  /**
   * @param name the kind's name in audit actions ({@code target.create}) and, with an s, in
   *     resource names ({@code targets/<id>})
   */
  RegistrationLifecycle(
      String name,
      RegistrationServices services,
      RegistrationWrites.Kind<R> kind,
      RegistrationStore<R> store) {
    this.name = name;
    this.services = services;
    this.writes = services.writing().of(kind, store);
  }

  public RegistrationResult<R> create(
      AgencyPrincipal caller, D draft, String requestId, String field) {
    return store(caller, prepare(caller, draft, requestId, field));
  }

  /**
   * A create's registration, validated and built as it will be stored (its id follows from the
   * agency and request id); nothing is stored yet.
   */
  public abstract R prepare(AgencyPrincipal caller, D draft, String requestId, String field);

  /** What a create's audit entry records beyond who, what and when. */
  abstract Map<String, String> createDetails(R registration, List<Hit> hits);

  /**
   * Stores a prepared registration and finishes its writes; its first store is audited as the
   * caller's create ({@code caller} null: the repair sweep storing what a check recorded, audited
   * as the check's maker, see {@link CreateAudit}).
   */
  public RegistrationResult<R> store(AgencyPrincipal caller, R registration) {
    Optional<R> earlier = writes.insert(registration);
    if (earlier.isPresent()) {
      return settle(earlier.get());
    }
    List<Hit> hits = writes.settle(registration);
    CreateAudit.record(
        services.audit(),
        caller,
        registration.created(),
        name + ".create",
        resource(registration.id()),
        createDetails(registration, hits));
    return new RegistrationResult<>(registration, hits);
  }

  /** Finishes a stored registration's writes ({@link RegistrationWrites#settle}). */
  public RegistrationResult<R> settle(R registration) {
    return new RegistrationResult<>(registration, writes.settle(registration));
  }

  public R get(AgencyPrincipal caller, String id) {
    DeconflictionAccessPolicy.requireActing(caller);
    R registration = writes.own(caller, id);
    audit(caller, "read", id, Map.of());
    return registration;
  }

  /**
   * What a list of the caller's own registrations with one of {@code statuses} (any when empty) is
   * paged by; a kind adds its own terms.
   */
  PageQuery ownQuery(AgencyPrincipal caller, Set<RegistrationStatus> statuses) {
    DeconflictionAccessPolicy.requireActing(caller);
    return PageQuery.of("deconfliction." + name + "s")
        .with("agency", caller.agencyId())
        .with("statuses", statuses);
  }

  /** One page of an {@link #ownQuery}, fetched from the kind's store. */
  Page<R> page(
      PageQuery query,
      String token,
      int size,
      PageTokens.Fetch<R> fetch,
      Function<R, List<String>> positionOf) {
    return services.pageTokens().page(query, token, size, fetch, positionOf);
  }

  /** Stores a changed version of an active registration, settles it and audits the update. */
  RegistrationResult<R> change(AgencyPrincipal caller, R updated, R current) {
    List<Hit> hits = writes.change(updated, current);
    audit(caller, "update", current.id(), Map.of("hits", String.valueOf(hits.size())));
    return new RegistrationResult<>(updated, hits);
  }

  /** How the owner ends a registration: to {@code ended}, audited as {@code verb}. */
  RegistrationEnding<R> ending(
      RegistrationStatus ended, String verb, RegistrationEnding.Ender<R> ender) {
    return new RegistrationEnding<>(
        writes, services.audit(), services.clock(), ended, name + "." + verb, name + "s", ender);
  }

  /** Audits the caller's successful {@code verb} on the registration {@code id}. */
  void audit(AgencyPrincipal caller, String verb, String id, Map<String, String> details) {
    services.audit().record(caller, name + "." + verb, resource(id), Outcome.SUCCESS, "", details);
  }

  private String resource(String id) {
    return name + "s/" + id;
  }

  RegistrationServices services() {
    return services;
  }

  RegistrationWrites<R> writes() {
    return writes;
  }
}
