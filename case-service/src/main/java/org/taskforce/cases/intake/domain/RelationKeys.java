package org.taskforce.cases.intake.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keys two tips share when they are about the same phone, e-mail, person, address or other
 * identifier: formats differ between sources ("(505) 555-0142" / "+1 505 555 0142", "Central Avenue
 * SE" / "central ave se"), so each value is reduced to a canonical form first. The reporter is
 * never part of a tip's keys.
 */
public final class RelationKeys {
  private static final Map<String, String> STREET_WORDS =
      Map.ofEntries(
          Map.entry("avenue", "ave"),
          Map.entry("street", "st"),
          Map.entry("boulevard", "blvd"),
          Map.entry("road", "rd"),
          Map.entry("drive", "dr"),
          Map.entry("lane", "ln"),
          Map.entry("highway", "hwy"),
          Map.entry("southeast", "se"),
          Map.entry("southwest", "sw"),
          Map.entry("northeast", "ne"),
          Map.entry("northwest", "nw"),
          Map.entry("and", "&"));

  private RelationKeys() {}

  public static Set<String> of(TipReport r) {
    Set<String> keys = new LinkedHashSet<>();
    for (TipIdentifier i : r.identifiers()) {
      String v = identifier(i);
      if (!v.isEmpty()) {
        keys.add(i.type().name().toLowerCase(Locale.ROOT) + ":" + v);
      }
    }
    for (TipPerson p : r.persons()) {
      String name = words(p.name());
      if (name.contains(" ")) {
        keys.add(
            "person:" + Arrays.stream(name.split(" ")).sorted().collect(Collectors.joining(" ")));
      }
    }
    String address = address(r.location().address());
    if (!address.isEmpty()) {
      keys.add("address:" + address + "|" + words(r.location().city()));
    }
    return keys;
  }

  /** What a key says is shared: "phone", "person", "address"... */
  public static String kind(String key) {
    return key.substring(0, key.indexOf(':'));
  }

  static String identifier(TipIdentifier i) {
    String v = i.value();
    return switch (i.type()) {
      case PHONE -> {
        String digits = v.replaceAll("\\D", "");
        yield digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
      }
      case EMAIL, URL ->
          v.toLowerCase(Locale.ROOT)
              .replaceFirst("^[a-z]+://", "")
              .replaceFirst("^www\\.", "")
              .replaceFirst("/+$", "");
      case HANDLE ->
          i.qualifier().toLowerCase(Locale.ROOT)
              + "/"
              + v.toLowerCase(Locale.ROOT).replaceFirst("^@", "");
      case PLATE ->
          i.qualifier().toUpperCase(Locale.ROOT)
              + "/"
              + v.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
      case WALLET -> i.qualifier().toLowerCase(Locale.ROOT) + "/" + v;
      case IP_ADDRESS -> v;
    };
  }

  static String address(String address) {
    String w = words(address);
    if (w.isEmpty()) {
      return "";
    }
    return Arrays.stream(w.split(" "))
        .map(t -> STREET_WORDS.getOrDefault(t, t))
        .collect(Collectors.joining(" "));
  }

  /** Lower case, accents and punctuation gone, single spaces. */
  static String words(String s) {
    String folded =
        Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^a-z0-9&]+", " ").strip();
  }
}
