package org.taskforce.deconfliction.application;

import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.platform.error.Violations;

/** Checks and field paths that target registrations, operations and checks share. */
final class RegistrationChecks {
  private RegistrationChecks() {}

  /** Whom to call: a name and a phone number or e-mail address; {@code f} is the field path. */
  static void checkContact(Contact contact, String f, Violations violations) {
    Bounds.contact(contact, f, violations);
    if (contact == null || contact.displayName().isBlank()) {
      violations.add(f + ".display_name", "whom to call is required: the point of contact's name");
    } else if (contact.phone().isBlank() && contact.email().isBlank()) {
      violations.add(
          f + ".phone", "the point of contact needs a phone number or an e-mail address");
    }
  }

  /** The path prefix of fields under {@code field} ("" at the top of a request). */
  static String prefix(String field) {
    return field.isEmpty() ? "" : field + ".";
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
