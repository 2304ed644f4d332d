package org.taskforce.notifications.adapter.mongo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.taskforce.platform.crypto.FieldSealer;

/**
 * Keeps webhook secrets sealed in the database with the platform's {@link FieldSealer} (bound to
 * the webhook's id, under {@value #PROPERTY}): whoever reads the database cannot sign alerts that a
 * partner system would trust. What is webhook-specific lives here: a secret stored in plain text by
 * an earlier version is read as it is, and {@link #needsResealing} finds it.
 */
public final class SecretSealer {
  static final String PREFIX = FieldSealer.PREFIX;
  static final String PROPERTY = "taskforce.notifications.webhooks.secret-key";

  private final FieldSealer sealer;

  private SecretSealer(FieldSealer sealer) {
    this.sealer = sealer;
  }

  /** {@link #configured(String, List, boolean)} without previous keys. */
  public static SecretSealer configured(String base64Key, boolean embeddedDatabase) {
    return configured(base64Key, List.of(), embeddedDatabase);
  }

  /**
   * The sealer for this configuration (see {@link FieldSealer#configured(String, String, List,
   * boolean)}); {@code previousKeys}: keys being rotated out, still used to read. On the embedded
   * database without a key, secrets an earlier version sealed with its development key still open.
   */
  public static SecretSealer configured(
      String base64Key, List<String> previousKeys, boolean embeddedDatabase) {
    List<String> previous = new ArrayList<>(previousKeys);
    if ((base64Key == null || base64Key.isBlank()) && embeddedDatabase) {
      previous.add(earlierDevelopmentKey());
    }
    return new SecretSealer(
        FieldSealer.configured(PROPERTY, base64Key, previous, embeddedDatabase));
  }

  /** The stored form of {@code secret} for the webhook {@code webhookId}. */
  public String seal(String webhookId, String secret) {
    return sealer.seal(webhookId, secret);
  }

  /** The secret of the webhook {@code webhookId} from its stored form. */
  public String open(String webhookId, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored; // written in plain text by an earlier version
    }
    return sealer.open(webhookId, stored);
  }

  /** Whether a stored secret is in plain text or sealed with a previous key. */
  public boolean needsResealing(String webhookId, String stored) {
    return sealer.needsResealing(webhookId, stored);
  }

  private static String earlierDevelopmentKey() {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(
                      "taskforce embedded development database only"
                          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
