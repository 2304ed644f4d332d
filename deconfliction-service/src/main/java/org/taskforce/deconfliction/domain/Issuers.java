package org.taskforce.deconfliction.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plate issuers and states: US states, DC and territories by code or name, and tribal nations that
 * issue their own plates (Navajo Nation and others in and around New Mexico).
 */
final class Issuers {
  private static final Map<String, String> CODES = new HashMap<>();

  static {
    String[][] states = {
      {"AL", "ALABAMA"},
      {"AK", "ALASKA"},
      {"AZ", "ARIZONA"},
      {"AR", "ARKANSAS"},
      {"CA", "CALIFORNIA"},
      {"CO", "COLORADO"},
      {"CT", "CONNECTICUT"},
      {"DE", "DELAWARE"},
      {"DC", "DISTRICT OF COLUMBIA"},
      {"FL", "FLORIDA"},
      {"GA", "GEORGIA"},
      {"HI", "HAWAII"},
      {"ID", "IDAHO"},
      {"IL", "ILLINOIS"},
      {"IN", "INDIANA"},
      {"IA", "IOWA"},
      {"KS", "KANSAS"},
      {"KY", "KENTUCKY"},
      {"LA", "LOUISIANA"},
      {"ME", "MAINE"},
      {"MD", "MARYLAND"},
      {"MA", "MASSACHUSETTS"},
      {"MI", "MICHIGAN"},
      {"MN", "MINNESOTA"},
      {"MS", "MISSISSIPPI"},
      {"MO", "MISSOURI"},
      {"MT", "MONTANA"},
      {"NE", "NEBRASKA"},
      {"NV", "NEVADA"},
      {"NH", "NEW HAMPSHIRE"},
      {"NJ", "NEW JERSEY"},
      {"NM", "NEW MEXICO"},
      {"NY", "NEW YORK"},
      {"NC", "NORTH CAROLINA"},
      {"ND", "NORTH DAKOTA"},
      {"OH", "OHIO"},
      {"OK", "OKLAHOMA"},
      {"OR", "OREGON"},
      {"PA", "PENNSYLVANIA"},
      {"RI", "RHODE ISLAND"},
      {"SC", "SOUTH CAROLINA"},
      {"SD", "SOUTH DAKOTA"},
      {"TN", "TENNESSEE"},
      {"TX", "TEXAS"},
      {"UT", "UTAH"},
      {"VT", "VERMONT"},
      {"VA", "VIRGINIA"},
      {"WA", "WASHINGTON"},
      {"WV", "WEST VIRGINIA"},
      {"WI", "WISCONSIN"},
      {"WY", "WYOMING"},
      {"PR", "PUERTO RICO"},
      {"GU", "GUAM"},
      {"VI", "US VIRGIN ISLANDS"},
      {"AS", "AMERICAN SAMOA"},
      {"MP", "NORTHERN MARIANA ISLANDS"},
      // Tribal plate issuers (code = name).
      {"NAVAJO", "NAVAJO NATION"},
      {"ZUNI", "PUEBLO OF ZUNI"},
      {"ACOMA", "PUEBLO OF ACOMA"},
      {"JICARILLA", "JICARILLA APACHE NATION"},
      {"MESCALERO", "MESCALERO APACHE TRIBE"},
      {"TOHONO", "TOHONO OODHAM NATION"},
      {"HOPI", "HOPI TRIBE"},
      {"OSAGE", "OSAGE NATION"},
      {"CHEROKEE", "CHEROKEE NATION"},
      {"CHICKASAW", "CHICKASAW NATION"},
      {"CREEK", "MUSCOGEE CREEK NATION"},
      {"CHOCTAW", "CHOCTAW NATION"},
    };
    for (String[] s : states) {
      CODES.put(s[0], s[0]);
      CODES.put(Names.fold(s[1]), s[0]);
    }
  }

  private Issuers() {}

  /** The canonical code ("NM", "NAVAJO") of a code or name as entered, if known. */
  static Optional<String> code(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(CODES.get(Names.fold(raw)));
  }
}
