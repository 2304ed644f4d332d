package org.taskforce.platform.security;

import java.util.Locale;
import java.util.Optional;

/** The {@code agency_type} token claim. Types describe an agency; they grant nothing. */
public enum AgencyType {
  LOCAL,
  STATE,
  TRIBAL,
  FEDERAL,
  SERVICE_PROVIDER;

  /** Parses a claim value case-insensitively; empty when it is not one of ours. */
  public static Optional<AgencyType> fromClaim(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
