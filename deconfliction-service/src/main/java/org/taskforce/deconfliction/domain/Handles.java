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
    String platform = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    platform = PLATFORMS.getOrDefault(platform, platform);
    return platform.replaceAll("[^a-z0-9.]", "");
  }

  static String handle(String raw) {
    String handle = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    handle = handle.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
    int slash = handle.indexOf('/');
    if (slash >= 0 && handle.substring(0, slash).contains(".")) {
      handle = handle.substring(slash + 1); // instagram.com/chuy.abq → chuy.abq
    }
    if (handle.endsWith("/")) {
      handle = handle.substring(0, handle.length() - 1);
    }
    return handle.startsWith("@") ? handle.substring(1) : handle;
  }
}
