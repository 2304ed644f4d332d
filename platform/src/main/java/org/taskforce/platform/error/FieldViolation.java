package org.taskforce.platform.error;

import java.util.Objects;

/**
 * One reason a request field is invalid.
 *
 * @param field the field's path in the request, proto names with dots and indexes, e.g. {@code
 *     registration.selectors[2].phone.number}
 * @param description why, in words a user can act on, e.g. {@code phone "555-01" is not a valid
 *     number for region US}
 */
public record FieldViolation(String field, String description) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(description, "description");
  }
}
