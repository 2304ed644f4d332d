package org.taskforce.deconfliction.domain;

import java.util.Locale;
import java.util.Map;

/** Social-media platforms and handles: case-folded, "@" and profile-URL prefixes removed. */
final class Handles {
  private static final Map<String, String> PLATFORMS =
      Map.ofEntries(
          Map.entry("ig", "instagram"),
          Map.entry("insta", "instagram"),
          Map.entry("fb", "facebook"),
          Map.entry("meta", "facebook"),
          Map.entry("twitter", "x"),
          Map.entry("x.com", "x"),
          Map.entry("tg", "telegram"),
          Map.entry("wa", "whatsapp"),
          Map.entry("snap", "snapchat"),
          Map.entry("tik tok", "tiktok"));

  private Handles() {}

  static String platform(String raw) {
    String p = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    p = PLATFORMS.getOrDefault(p, p);
    return p.replaceAll("[^a-z0-9.]", "");
  }

  static String handle(String raw) {
    String h = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    h = h.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
    int slash = h.indexOf('/');
    if (slash >= 0 && h.substring(0, slash).contains(".")) {
      h = h.substring(slash + 1); // instagram.com/chuy.abq → chuy.abq
    }
    if (h.endsWith("/")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.startsWith("@") ? h.substring(1) : h;
  }
}
