package org.taskforce.notifications.application;

import java.util.Collection;
import org.taskforce.platform.error.Violations;

/**
 * The largest value each field may carry. Over a bound is {@code INVALID_ARGUMENT} with a field
 * violation, before anything is stored; the README lists them.
 */
public final class Bounds {
  /** Ids of every kind: event, notification, subscription, delivery, request, agency, subject. */
  public static final int ID = 128;

  public static final int ROLE = 64;
  public static final int TITLE = 200;
  public static final int BODY = 4_000;
  public static final int RESOURCE = 512;
  public static final int NOTE = 1_000;
  public static final int ATTRIBUTES = 32;
  public static final int ATTRIBUTE_KEY = 64;
  public static final int ATTRIBUTE_VALUE = 1_024;
  public static final int RECIPIENTS = 100;
  public static final int URL = 2_048;
  public static final int SECRET_MIN = 16;
  public static final int SECRET = 256;

  /** Repeated enum filters (kinds, statuses): more entries than there are values is a mistake. */
  public static final int ENUM_LIST = 16;

  public static final int UPDATE_MASK_PATHS = 8;
  public static final int CURSOR = 32;

  /** Page sizes: 0 means {@link #DEFAULT_PAGE}; above {@link #MAX_PAGE} is served as the max. */
  public static final int DEFAULT_PAGE = 50;

  public static final int MAX_PAGE = 200;

  private Bounds() {}

  /** A text of at most {@code max} characters (null counts as empty). */
  public static void max(Violations violations, String field, String value, int max) {
    if (value != null && value.length() > max) {
      violations.add(field, "at most " + max + " characters, got " + value.length());
    }
  }

  /** A list of at most {@code max} entries. */
  public static void count(Violations violations, String field, Collection<?> values, int max) {
    if (values.size() > max) {
      violations.add(field, "at most " + max + " entries, got " + values.size());
    }
  }

  /** The page size to serve: a negative one is refused. */
  public static int pageSize(Violations violations, int asked) {
    if (asked < 0) {
      violations.add("page_size", "must not be negative");
      return DEFAULT_PAGE;
    }
    return asked == 0 ? DEFAULT_PAGE : Math.min(asked, MAX_PAGE);
  }
}
