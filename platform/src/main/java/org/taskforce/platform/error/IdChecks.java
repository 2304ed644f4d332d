package org.taskforce.platform.error;

/**
 * Ids as every service reads them from a request: record ids, agency ids and client request ids are
 * at most {@value #MAX_LENGTH} characters, and a required id that is missing or longer is {@code
 * INVALID_ARGUMENT} on its field (never a lookup of something that cannot exist).
 */
public final class IdChecks {
  /** The longest id (of a record, an agency, a request) any field may carry. */
  public static final int MAX_LENGTH = 128;

  private IdChecks() {}

  /** A required id: present, and not longer than any id of ours. */
  public static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw TaskforceException.invalidArgument(field, "is required");
    }
    if (value.length() > MAX_LENGTH) {
      throw TaskforceException.invalidArgument(
          field, "is not an id of ours (at most " + MAX_LENGTH + " characters)");
    }
    return value;
  }

  /** An optional id field: at most {@value #MAX_LENGTH} characters. */
  public static void checkLength(Violations violations, String field, String value) {
    violations.check(
        value == null || value.length() <= MAX_LENGTH,
        field,
        "must be at most " + MAX_LENGTH + " characters");
  }

  /** A client's optional {@code request_id}: at most {@value #MAX_LENGTH} characters. */
  public static String requestId(String value) {
    Violations violations = new Violations();
    checkLength(violations, "request_id", value);
    violations.throwIfAny();
    return value;
  }
}
