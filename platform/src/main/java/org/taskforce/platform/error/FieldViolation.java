package org.taskforce.platform.error;

import java.util.Objects;

/**
 * One reason a request field is invalid. A description never carries more than {@value
 * #MAX_DESCRIPTION} characters and a field path never more than {@value #MAX_FIELD}: a bad value
 * quoted in it (use {@link Violations#quote}) is shown by its first {@value Violations#QUOTED}
 * characters, so a megabyte of input is not echoed back, logged or stored in an error.
 *
 * @param field the field's path in the request, proto names with dots and indexes, e.g. {@code
 *     registration.selectors[2].phone.number}
 * @param description why, in words a user can act on, e.g. {@code phone "555-01" is not a valid
 *     number for region US}
 */
public record FieldViolation(String field, String description) {
  public static final int MAX_DESCRIPTION = 240;
  public static final int MAX_FIELD = 200;

  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(description, "description");
    field = cut(field, MAX_FIELD);
    description = cut(description, MAX_DESCRIPTION);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String end = "… (" + text.length() + " characters)";
    return text.substring(0, max - end.length()) + end;
  }
}
