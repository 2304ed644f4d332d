package org.taskforce.notifications.application;

import org.taskforce.platform.error.Violations;

/** An id a request cannot do without: present, and at most {@link Bounds#ID} characters. */
public final class RequiredId {
  private RequiredId() {}

  /** The id; {@code INVALID_ARGUMENT} on {@code field} when it is blank or too long. */
  public static String check(String field, String value) {
    Violations violations = new Violations();
    check(violations, field, value);
    violations.throwIfAny();
    return value;
  }

  /** As {@link #check(String, String)}, adding the violation to others. */
  public static String check(Violations violations, String field, String value) {
    if (value == null || value.isBlank()) {
      violations.add(field, "is required");
    } else {
      Bounds.max(violations, field, value, Bounds.ID);
    }
    return value;
  }
}
