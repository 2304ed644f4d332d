package org.taskforce.deconfliction.domain;

import java.util.List;

/** A postal address as entered. */
public record PostalAddress(
    List<String> addressLines,
    String locality,
    String administrativeArea,
    String postalCode,
    String regionCode) {
  public PostalAddress {
    addressLines = List.copyOf(addressLines);
    locality = nullToEmpty(locality);
    administrativeArea = nullToEmpty(administrativeArea);
    postalCode = nullToEmpty(postalCode);
    regionCode = regionCode == null || regionCode.isBlank() ? "US" : regionCode;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
