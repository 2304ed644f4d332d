package org.taskforce.notifications.adapter.mongo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps webhook secrets encrypted in the database (AES-256-GCM, a fresh nonce each time, bound to
 * the webhook's id), with a key that lives outside it: whoever reads the database cannot sign
 * alerts that a partner system would trust. Stored form: {@code aes-gcm:v1:<base64 nonce +
 * ciphertext>}. A secret stored in plain text by an earlier version, or sealed with a previous key
 * (key rotation), is still read; {@link #needsResealing} finds those so they are sealed again with
 * the current key.
 */
public final class SecretSealer {
  static final String PREFIX = "aes-gcm:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final List<SecretKeySpec> previous;
  private final SecureRandom random = new SecureRandom();

  private SecretSealer(byte[] key, List<byte[]> previous) {
    this.key = new SecretKeySpec(key, "AES");
    this.previous = previous.stream().map(k -> new SecretKeySpec(k, "AES")).toList();
  }

  /** {@link #configured(String, List, boolean)} without previous keys. */
  public static SecretSealer configured(String base64Key, boolean embeddedDatabase) {
    return configured(base64Key, List.of(), embeddedDatabase);
  }

  /**
   * The sealer for this configuration: the configured key (32 bytes, base64); without one, only on
   * the embedded development database, a fixed development key — a real MongoDB needs a real key.
   * {@code previousKeys}: keys being rotated out, still used to read.
   */
  public static SecretSealer configured(
      String base64Key, List<String> previousKeys, boolean embeddedDatabase) {
    List<byte[]> previous =
        previousKeys.stream().filter(k -> !k.isBlank()).map(SecretSealer::decodeKey).toList();
    if (base64Key == null || base64Key.isBlank()) {
      if (!embeddedDatabase) {
        throw new IllegalStateException(
            "taskforce.notifications.webhooks.secret-key is not set: webhook secrets are stored"
                + " encrypted with it. Set it to 32 random bytes in base64, e.g. the output of"
                + " `openssl rand -base64 32`, from a secret store.");
      }
      return new SecretSealer(sha256("taskforce embedded development database only"), previous);
    }
    return new SecretSealer(decodeKey(base64Key), previous);
  }

  private static byte[] decodeKey(String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "taskforce.notifications.webhooks.secret-key is not base64: " + e.getMessage());
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          "taskforce.notifications.webhooks.secret-key must be 32 bytes (base64 of 32 random"
              + " bytes), got "
              + key.length);
    }
    return key;
  }

  /** The stored form of {@code secret} for the webhook {@code webhookId}. */
  public String seal(String webhookId, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The secret of the webhook {@code webhookId} from its stored form. */
  public String open(String webhookId, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored; // written in plain text by an earlier version
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    for (SecretKeySpec key : keys()) {
      String secret = open(key, webhookId, all);
      if (secret != null) {
        return secret;
      }
    }
    throw new IllegalStateException(
        "the secret of webhook "
            + webhookId
            + " cannot be decrypted: taskforce.notifications.webhooks.secret-key (or a previous"
            + " key) is not the key it was stored with, or the stored value was altered");
  }

  /** Whether a stored secret is in plain text or sealed with a previous key. */
  public boolean needsResealing(String webhookId, String stored) {
    return stored != null
        && (!stored.startsWith(PREFIX)
            || open(key, webhookId, Base64.getDecoder().decode(stored.substring(PREFIX.length())))
                == null);
  }

  private List<SecretKeySpec> keys() {
    List<SecretKeySpec> all = new ArrayList<>();
    all.add(key);
    all.addAll(previous);
    return all;
  }

  /** The secret, or null when this key did not seal it (or the value was altered). */
  private static String open(SecretKeySpec key, String webhookId, byte[] all) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
