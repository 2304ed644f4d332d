package org.taskforce.cases.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.Violations;

/**
 * Record ids. With a client's request id the id is derived from it, so a retried create finds what
 * the first attempt stored; without one it is time-ordered and random.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The longest id (of a record, an agency, a request) any field may carry. */
  public static final int MAX_LENGTH = IdChecks.MAX_LENGTH;

  private Ids() {}

  /** An optional id field: see {@link IdChecks#checkLength}. */
  public static void checkLength(Violations violations, String field, String value) {
    IdChecks.checkLength(violations, field, value);
  }

  /** {@code prefix} + 24 hex digits: derived from the parts when a request id is given. */
  public static String of(String prefix, String requestId, String... scope) {
    if (requestId == null || requestId.isBlank()) {
      byte[] random = new byte[6];
      RANDOM.nextBytes(random);
      return prefix
          + String.format("%012x", System.currentTimeMillis())
          + HexFormat.of().formatHex(random);
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String s : scope) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      sha.update(requestId.getBytes(StandardCharsets.UTF_8));
      return prefix + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
