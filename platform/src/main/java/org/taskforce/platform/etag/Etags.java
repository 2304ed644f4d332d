package org.taskforce.platform.etag;

import org.taskforce.platform.error.TaskforceException;

/**
 * The one etag format of every service: a weak validator naming the version, {@code W/"3"}. What a
 * client sends back is read leniently: {@code W/"3"}, {@code "3"} and {@code 3} all name version 3.
 */
public final class Etags {
  private Etags() {}

  /** The etag of {@code version}. */
  public static String of(long version) {
    return "W/\"" + version + "\"";
  }

  /**
   * The version a required etag names: a missing one is {@code INVALID_ARGUMENT} on {@code field};
   * one that names no version is -1 (stale, so {@code ABORTED}).
   */
  public static long required(String field, String etag) {
    if (etag == null || etag.isBlank()) {
      throw TaskforceException.invalidArgument(
          field, "is required: send the etag of the version you read");
    }
    return version(etag);
  }

  /** The version an etag names, or -1 (never current, so refused as stale) when it names none. */
  public static long version(String etag) {
    try {
      return Long.parseLong(etag.replace("W/", "").replace("\"", "").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
