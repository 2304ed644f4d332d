package org.taskforce.platform.crypto;

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
 * Encrypts a field for storage with AES-256-GCM under a key that lives outside the database (a
 * fresh nonce each time; the record's id as associated data, so a sealed value copied onto another
 * record does not open). Stored form: {@code aes-gcm:v1:<base64 nonce + ciphertext>}. Keys being
 * rotated out are still used to open; {@link #needsResealing} finds what they sealed.
 */
public final class FieldSealer {
  public static final String PREFIX = "aes-gcm:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String property;
  private final SecretKeySpec key;
  private final List<SecretKeySpec> previous;
  private final SecureRandom random = new SecureRandom();

  private FieldSealer(String property, byte[] key, List<byte[]> previous) {
    this.property = property;
    this.key = new SecretKeySpec(key, "AES");
    this.previous = previous.stream().map(k -> new SecretKeySpec(k, "AES")).toList();
  }

  /**
   * The sealer for a configured key (32 bytes, base64). Without one: on the embedded development
   * database only, a fixed development key; with a real MongoDB the service refuses to start.
   *
   * @param property the configuration property, for the error message
   */
  public static FieldSealer configured(String property, String base64Key, boolean embedded) {
    return configured(property, base64Key, List.of(), embedded);
  }

  /**
   * As {@link #configured(String, String, boolean)}, with {@code previousKeys}: keys being rotated
   * out, still used to open (32 bytes, base64 each; blank ones are ignored).
   */
  public static FieldSealer configured(
      String property, String base64Key, List<String> previousKeys, boolean embedded) {
    List<byte[]> previous =
        previousKeys.stream().filter(k -> !k.isBlank()).map(k -> decodeKey(property, k)).toList();
    if (base64Key == null || base64Key.isBlank()) {
      if (!embedded) {
        throw new IllegalStateException(
            property
                + " is not set: it encrypts sealed data in the database. Set it to 32 random bytes"
                + " in base64 (`openssl rand -base64 32`) from a secret store.");
      }
      return new FieldSealer(
          property, sha256("taskforce embedded development database only: " + property), previous);
    }
    return new FieldSealer(property, decodeKey(property, base64Key), previous);
  }

  private static byte[] decodeKey(String property, String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is not base64: " + e.getMessage());
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          property + " must be 32 bytes (base64 of 32 random bytes), got " + key.length);
    }
    return key;
  }

  public String seal(String recordId, String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The plaintext; fails when no key opens it (another key sealed it, or the value changed). */
  public String open(String recordId, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("record " + recordId + " holds no sealed value");
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    List<SecretKeySpec> keys = new ArrayList<>();
    keys.add(key);
    keys.addAll(previous);
    for (SecretKeySpec candidate : keys) {
      String plaintext = open(candidate, recordId, all);
      if (plaintext != null) {
        return plaintext;
      }
    }
    throw new IllegalStateException(
        "the sealed value of record "
            + recordId
            + " cannot be opened: "
            + property
            + " (or a previous key) is not the key it was stored with, or the stored value was"
            + " altered");
  }

  /** Whether a stored value is not sealed, or sealed with a previous key: seal it again. */
  public boolean needsResealing(String recordId, String stored) {
    return stored != null
        && (!stored.startsWith(PREFIX)
            || open(key, recordId, Base64.getDecoder().decode(stored.substring(PREFIX.length())))
                == null);
  }

  /** The plaintext, or null when this key did not seal it (or the value was altered). */
  private static String open(SecretKeySpec key, String recordId, byte[] all) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
