package org.taskforce.deconfliction.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Address standardisation after USPS Publication 28: folded, punctuation dropped, street suffixes,
 * directionals and unit designators abbreviated, so "1520 Central Avenue South-East, Apt. 4" and
 * "1520 CENTRAL AVE SE #4" give one key.
 */
final class Addresses {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("STREET", "ST"),
          Map.entry("STR", "ST"),
          Map.entry("AVENUE", "AVE"),
          Map.entry("AV", "AVE"),
          Map.entry("AVEN", "AVE"),
          Map.entry("ROAD", "RD"),
          Map.entry("DRIVE", "DR"),
          Map.entry("DRV", "DR"),
          Map.entry("BOULEVARD", "BLVD"),
          Map.entry("BOUL", "BLVD"),
          Map.entry("LANE", "LN"),
          Map.entry("COURT", "CT"),
          Map.entry("PLACE", "PL"),
          Map.entry("HIGHWAY", "HWY"),
          Map.entry("PARKWAY", "PKWY"),
          Map.entry("CIRCLE", "CIR"),
          Map.entry("TERRACE", "TER"),
          Map.entry("TRAIL", "TRL"),
          Map.entry("WAY", "WAY"),
          Map.entry("LOOP", "LOOP"),
          Map.entry("SQUARE", "SQ"),
          Map.entry("NORTH", "N"),
          Map.entry("SOUTH", "S"),
          Map.entry("EAST", "E"),
          Map.entry("WEST", "W"),
          Map.entry("NORTHEAST", "NE"),
          Map.entry("NORTHWEST", "NW"),
          Map.entry("SOUTHEAST", "SE"),
          Map.entry("SOUTHWEST", "SW"),
          Map.entry("APARTMENT", "#"),
          Map.entry("APT", "#"),
          Map.entry("UNIT", "#"),
          Map.entry("SUITE", "#"),
          Map.entry("STE", "#"),
          Map.entry("ROOM", "#"),
          Map.entry("RM", "#"),
          Map.entry("NUMBER", "#"),
          Map.entry("NO", "#"),
          Map.entry("FIRST", "1ST"),
          Map.entry("SECOND", "2ND"),
          Map.entry("THIRD", "3RD"));
  private static final Map<String, String> PAIRS =
      Map.of("N E", "NE", "N W", "NW", "S E", "SE", "S W", "SW");
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "LLC",
          "L L C",
          "INC",
          "INCORPORATED",
          "CORP",
          "CORPORATION",
          "CO",
          "COMPANY",
          "LTD",
          "LIMITED",
          "LLP",
          "LP",
          "PLLC",
          "THE");

  private Addresses() {}

  static String standardLine(List<String> lines) {
    String folded = Names.fold(String.join(" ", lines).replace("#", " UNIT "));
    StringBuilder out = new StringBuilder();
    for (String word : folded.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      String standard = WORDS.getOrDefault(word, word);
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(standard);
    }
    String line = out.toString().replace("# #", "#");
    for (Map.Entry<String, String> pair : PAIRS.entrySet()) {
      line = line.replace(" " + pair.getKey() + " ", " " + pair.getValue() + " ");
      if (line.endsWith(" " + pair.getKey())) {
        line = line.substring(0, line.length() - pair.getKey().length()) + pair.getValue();
      }
    }
    return line.replace("# ", "#").trim();
  }

  /** A business name without legal forms or punctuation, e.g. "The Rose Spa, LLC" → ROSE SPA. */
  static String businessName(String raw) {
    String folded = Names.fold(raw == null ? "" : raw.replace("&", " AND "));
    StringBuilder out = new StringBuilder();
    for (String word : folded.split(" ")) {
      if (word.isEmpty() || LEGAL_FORMS.contains(word)) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(word);
    }
    return out.toString();
  }
}
