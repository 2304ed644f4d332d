package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.TargetRegistration;

/** Where target registrations live. */
public interface TargetStore extends RegistrationStore<TargetRegistration> {
  List<TargetRegistration> findAll(Collection<String> ids);

  /**
   * What a check's answer and the owners' alerts need of the registrations a check hit — no
   * selectors, no history: one read of the few fields each, by id.
   */
  List<Owner> findOwners(Collection<String> ids);

  /** A registration as a check's hit shows it: whose it is, whom to call, what it reveals. */
  record Owner(
      String id,
      Agency agency,
      Contact contact,
      Disclosure disclosure,
      RegistrationStatus status,
      Instant expireTime) {
    /** Whether it takes part in matching at {@code now} ({@link TargetRegistration#matchable}). */
    public boolean matchable(Instant now) {
      return status == RegistrationStatus.ACTIVE && expireTime.isAfter(now);
    }
  }

  /** The agency's registrations, newest first, after {@code position} ({@link #position}). */
  List<TargetRegistration> list(
      String agencyId,
      Set<RegistrationStatus> statuses,
      String caseReference,
      List<String> position,
      int limit);

  static List<String> position(TargetRegistration r) {
    return List.of(String.valueOf(r.created().time().toEpochMilli()), r.id());
  }

  /** Active registrations whose expiry has passed. */
  List<TargetRegistration> expired(Instant now, int limit);

  /** Ended registrations (expired, withdrawn) last changed before {@code before}. */
  List<TargetRegistration> purgeable(Instant before, int limit);

  void delete(String id);

  /** Every registration that takes part in matching at {@code now} (for an index rebuild). */
  void forEachMatchable(Instant now, java.util.function.Consumer<TargetRegistration> action);
}
