package org.taskforce.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a field for storage with AES-256-GCM under a key that lives outside the database (a
 * fresh nonce each time; the record's id as associated data, so a sealed value copied onto another
 * record does not open). Stored form: {@code aes-gcm:v1:<base64 nonce + ciphertext>}.
 */
public final class FieldSealer {
  static final String PREFIX = "aes-gcm:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private FieldSealer(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The sealer for a configured key (32 bytes, base64). Without one: on the embedded development
   * database only, a fixed development key; with a real MongoDB the service refuses to start.
   *
   * @param property the configuration property, for the error message
   */
  public static FieldSealer configured(String property, String base64Key, boolean embedded) {
    if (base64Key == null || base64Key.isBlank()) {
      if (!embedded) {
        throw new IllegalStateException(
            property
                + " is not set: it encrypts sealed data in the database. Set it to 32 random bytes"
                + " in base64 (`openssl rand -base64 32`) from a secret store.");
      }
      return new FieldSealer(sha256("taskforce embedded development database only: " + property));
    }
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
    return new FieldSealer(key);
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

  /** The plaintext; fails when the key is not the one it was sealed with or the value changed. */
  public String open(String recordId, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("record " + recordId + " holds no sealed value");
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(all, 0, NONCE_BYTES)));
      cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(Arrays.copyOfRange(all, NONCE_BYTES, all.length)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the sealed value of record "
              + recordId
              + " cannot be opened: the key is not the one it was sealed with, or it was altered");
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
