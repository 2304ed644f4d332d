package org.taskforce.cases.application;

import java.time.Clock;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Rules every case-service use case applies the same way: texts, contacts, closed cases, stamps.
 */
public final class CaseRules {
  static final int MAX_TITLE = 200;
  static final int MAX_SUMMARY = 4000;
  static final int MAX_JURISDICTIONS = 20;
  static final int MAX_JURISDICTION = 100;
  public static final int MAX_REASON_LENGTH = 500;

  private CaseRules() {}

  static void requireVersion(JointCase c, long expected) {
    if (c.version() != expected) {
      throw TaskforceException.staleEtag("case", c.id());
    }
  }

  static void requireNotClosed(JointCase c) {
    if (c.status() == CaseStatus.CLOSED) {
      throw TaskforceException.failedPrecondition(
          "CASE_CLOSED", "case " + c.number() + " is closed");
    }
  }

  /** A reason or note: at most {@value #MAX_REASON_LENGTH} characters. */
  static void checkText(Violations violations, String field, String text) {
    violations.check(
        text == null || text.length() <= MAX_REASON_LENGTH,
        field,
        "must be at most " + MAX_REASON_LENGTH + " characters");
  }

  static void checkContact(Violations violations, String field, Contact contact) {
    if (contact == null) {
      return;
    }
    violations.check(
        contact.displayName().length() <= 200, field + ".display_name", "at most 200 characters");
    violations.check(contact.title().length() <= 200, field + ".title", "at most 200 characters");
    violations.check(
        contact.email().isEmpty()
            || contact.email().length() <= 254
                && contact.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
        field + ".email",
        "must be an e-mail address");
    violations.check(
        contact.phone().isEmpty() || contact.phone().matches("\\+[1-9][0-9]{6,14}"),
        field + ".phone",
        "must be E.164, e.g. +15055550100");
  }

  /** Who and when, to the millisecond MongoDB keeps: what is returned equals what is read back. */
  public static Stamp stampOf(AgencyPrincipal caller, Clock clock) {
    return new Stamp(
        caller.subject(),
        caller.displayName(),
        caller.agencyId(),
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }
}
