package org.taskforce.platform.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field violation of a request before anything is stored, so a caller learns all
 * that is wrong in one answer.
 *
 * <pre>{@code
 * Violations v = new Violations();
 * v.requireText("case.title", title);
 * v.check(radius > 0, "registration.radius_meters", "must be positive");
 * v.throwIfAny();
 * }</pre>
 */
public final class Violations {
  /** How much of a bad value a description quotes. */
  public static final int QUOTED = 100;

  private final List<FieldViolation> list = new ArrayList<>();

  /**
   * A bad value for a description, in double quotes: its first {@value #QUOTED} characters, and its
   * length when there was more — {@code "555-01"}, {@code "AAAA…" (5000 characters)}.
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= QUOTED) {
      return '"' + value + '"';
    }
    return '"' + value.substring(0, QUOTED) + "…\" (" + value.length() + " characters)";
  }

  public Violations add(String field, String description) {
    list.add(new FieldViolation(field, description));
    return this;
  }

  /** Adds a violation when {@code ok} is false. */
  public Violations check(boolean ok, String field, String description) {
    if (!ok) {
      add(field, description);
    }
    return this;
  }

  /** A required text field: present and not blank. */
  public Violations requireText(String field, String value) {
    return check(value != null && !value.isBlank(), field, "is required");
  }

  /** Adds the violations of a nested validation, whose fields are relative to {@code prefix}. */
  public Violations addAll(String prefix, List<FieldViolation> nested) {
    for (FieldViolation n : nested) {
      add(prefix.isEmpty() ? n.field() : prefix + "." + n.field(), n.description());
    }
    return this;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<FieldViolation> list() {
    return List.copyOf(list);
  }

  /** Throws {@link TaskforceException#invalidArgument(List)} if anything was collected. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw TaskforceException.invalidArgument(list());
    }
  }
}
