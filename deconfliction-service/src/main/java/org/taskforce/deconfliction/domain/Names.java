package org.taskforce.deconfliction.domain;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Folding and phonetic coding of personal names: any script is transliterated to Latin (ICU),
 * diacritics are dropped ("García" → "GARCIA"), case is folded, hyphens and apostrophes split or
 * join tokens the way Spanish and English names are written, and surname particles ("de la") are
 * set aside so that "De la Cruz" and "Cruz" compare alike.
 */
public final class Names {
  /** Surname particles; kept in the display form, ignored when comparing. */
  public static final Set<String> PARTICLES =
      Set.of("DE", "LA", "DEL", "LOS", "LAS", "Y", "DA", "DAS", "DO", "DOS", "VAN", "VON", "DI");

  private static final ThreadLocal<Transliterator> TO_ASCII =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
  private static final ThreadLocal<DoubleMetaphone> METAPHONE =
      ThreadLocal.withInitial(() -> {
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(6);
        return metaphone;
      });

  private static final int PHONETIC_CACHE_LIMIT = 200_000;
  private static final java.util.concurrent.ConcurrentHashMap<String, String> PHONETIC_CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Names() {}

  /** Upper-case ASCII letters, digits and single spaces; everything else becomes a space. */
  public static String fold(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        s = TO_ASCII.get().transliterate(s);
        break;
      }
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toUpperCase(s.charAt(i));
      if (c == '\'' || c == '’' || c == '.') {
        continue; // O'Brien → OBRIEN, J. → J
      }
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    return out.toString();
  }

  /** Folded name tokens of several raw name parts, in order. */
  public static List<String> tokens(List<String> parts) {
    List<String> tokens = new ArrayList<>();
    for (String part : parts) {
      for (String t : fold(part).split(" ")) {
        if (!t.isEmpty()) {
          tokens.add(t);
        }
      }
    }
    return tokens;
  }

  /** Tokens without particles; all of them if nothing else remains ("De La" alone). */
  public static List<String> withoutParticles(List<String> tokens) {
    List<String> kept = tokens.stream().filter(t -> !PARTICLES.contains(t)).toList();
    return kept.isEmpty() ? tokens : kept;
  }

  /** The primary Double Metaphone code of a folded token, e.g. GARCIA → KRS. */
  public static String phonetic(String token) {
    String cached = PHONETIC_CACHE.get(token);
    if (cached != null) {
      return cached;
    }
    String code = computePhonetic(token);
    if (PHONETIC_CACHE.size() > PHONETIC_CACHE_LIMIT) {
      PHONETIC_CACHE.clear(); // names repeat heavily; a rare reset keeps memory bounded
    }
    PHONETIC_CACHE.put(token, code);
    return code;
  }

  private static String computePhonetic(String token) {
    String squeezed = squeeze(token);
    String code = METAPHONE.get().doubleMetaphone(squeezed);
    return code == null || code.isEmpty() ? squeezed : code;
  }

  /** Runs of one letter become one (TRUJILLLO → TRUJILO), so a doubled key press sounds alike. */
  static String squeeze(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      if (i == 0 || token.charAt(i) != token.charAt(i - 1)) {
        out.append(token.charAt(i));
      }
    }
    return out.toString();
  }

  /** Whether a token is only letters (names must be words, not numbers). */
  public static boolean hasLetter(String raw) {
    return fold(raw).chars().anyMatch(Character::isLetter);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
