package org.taskforce.cases.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Subject;

/**
 * Settles what the outbox did not: subjects still PENDING with no queued registration (stored
 * before registrations were queued first, or an entry lost), removed subjects whose withdrawal
 * deconfliction never confirmed, and registrations of open cases about to expire (renewed before
 * deconfliction's 180 days pass; a closed case's registrations are left to lapse). Each is queued
 * in the outbox on behalf of the subject's registrant, under an id that a second sweep finds, so
 * nothing is queued twice.
 */
public final class SubjectSweep {
  static final int BATCH = 500;

  private final CaseStore cases;
  private final SubjectStore store;
  private final SubjectRegistrations registrations;
  private final Duration settleAfter;
  private final Duration renewBefore;
  private final Clock clock;

  /**
   * @param settleAfter how old a PENDING subject or an unconfirmed withdrawal must be before the
   *     sweep takes it over (the outbox settles younger ones)
   * @param renewBefore how long before its expiry a registration of an open case is renewed
   */
  public SubjectSweep(
      CaseStore cases,
      SubjectStore store,
      SubjectRegistrations registrations,
      Duration settleAfter,
      Duration renewBefore,
      Clock clock) {
    this.cases = cases;
    this.store = store;
    this.registrations = registrations;
    this.settleAfter = settleAfter;
    this.renewBefore = renewBefore;
    this.clock = clock;
  }

  /** What one sweep queued. */
  public record Result(int registrations, int withdrawals, int renewals, int rejected) {}

  public Result sweepOnce() {
    Instant now = clock.instant();
    int registered = 0;
    int withdrawn = 0;
    int renewed = 0;
    int rejected = 0;
    for (Subject s : store.pendingSince(now.minus(settleAfter), BATCH)) {
      var registrant = store.registrant(s.id());
      if (registrant.isEmpty()) {
        store.setRegistration(
            s.id(),
            "",
            DeconflictionState.REJECTED,
            "its registration was lost before case-service kept whom it acts for;"
                + " remove the subject and add it again",
            null);
        rejected++;
        continue;
      }
      String number = cases.get(s.caseId()).map(JointCase::number).orElse("");
      if (registrations.queue(SubjectRegistrations.REGISTER, s, number, registrant.get(), s.id())) {
        registered++;
      }
    }
    for (Subject s : store.unconfirmedWithdrawals(now.minus(settleAfter), BATCH)) {
      var registrant = store.registrant(s.id());
      if (registrant.isPresent()
          && registrations.queue(SubjectRegistrations.WITHDRAW, s, "", registrant.get(), s.id())) {
        withdrawn++;
      }
    }
    for (Subject s : store.expiringBefore(now.plus(renewBefore), BATCH)) {
      boolean open = cases.get(s.caseId()).map(c -> c.status() != CaseStatus.CLOSED).orElse(false);
      var registrant = store.registrant(s.id());
      // One renewal per subject and day: the key names the day, so a second sweep finds it.
      String key = s.id() + ":" + LocalDate.ofInstant(now, ZoneOffset.UTC);
      if (open
          && registrant.isPresent()
          && registrations.queue(SubjectRegistrations.RENEW, s, "", registrant.get(), key)) {
        renewed++;
      }
    }
    return new Result(registered, withdrawn, renewed, rejected);
  }
}
