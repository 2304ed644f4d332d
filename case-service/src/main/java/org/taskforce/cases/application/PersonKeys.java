package org.taskforce.cases.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recognises one victim's records across cases without keeping anything that names the person: an
 * HMAC-SHA256, under a secret of the deployment, of the name (case-folded, without diacritics,
 * parts in sorted order) and the date of birth. Without a date of birth no key is made (two people
 * of one name are too likely), and the record counts as a person of its own. Someone who reads the
 * database but not the secret cannot test a guessed name against the keys.
 */
public final class PersonKeys {
  private final SecretKeySpec secret;

  public PersonKeys(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the person-key secret needs at least 16 characters");
    }
    this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The person's key, or null when the record cannot be matched to others (no date of birth). */
  public String keyOf(String displayName, LocalDate dateOfBirth) {
    if (displayName == null || displayName.isBlank() || dateOfBirth == null) {
      return null;
    }
    String folded =
        Normalizer.normalize(displayName, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    String[] parts = folded.split(" ");
    Arrays.sort(parts);
    String input = String.join(" ", parts) + "|" + dateOfBirth;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return "p:"
          + HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
