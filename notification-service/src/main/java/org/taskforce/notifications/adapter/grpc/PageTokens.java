package org.taskforce.notifications.adapter.grpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.platform.error.TaskforceException;

/**
 * Opaque page tokens bound to the query that made them: a token names where the last page ended
 * (the sort key of its last item) and a fingerprint of the query (the list, the caller and every
 * filter). A token from another query, another caller or no token of ours is {@code
 * INVALID_ARGUMENT}. Keys are positions, not offsets, so items published meanwhile neither repeat
 * nor go missing.
 */
final class PageTokens {
  private static final String VERSION = "p1";

  private PageTokens() {}

  /** The token continuing {@code query} after {@code key}. */
  static String next(String query, String key) {
    String plain = VERSION + "|" + fingerprint(query) + "|" + key;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The key a token of {@code query} names; null for an empty token (the first page). */
  static String key(String query, String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    String plain;
    try {
      if (token.length() > Bounds.PAGE_TOKEN) {
        throw new IllegalArgumentException("too long");
      }
      plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw refused();
    }
    String[] parts = plain.split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(fingerprint(query))) {
      throw refused();
    }
    return parts[2];
  }

  /** A key that must be a number (a position). */
  static long number(String key) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw refused();
    }
  }

  private static TaskforceException refused() {
    return TaskforceException.invalidArgument(
        "page_token", "is not a token this service issued for this query");
  }

  private static String fingerprint(String query) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
