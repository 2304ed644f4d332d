package org.taskforce.deconfliction.domain;

import java.util.Optional;

/** Vehicle identification numbers (ISO 3779, North American check digit at position 9). */
final class Vins {
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  private Vins() {}

  /** Why a VIN (upper case, no separators) is not valid, or empty when it is. */
  static Optional<String> problem(String vin) {
    if (vin.length() != 17) {
      return Optional.of("has " + vin.length() + " characters; a VIN has 17");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = vin.charAt(i);
      if (c == 'I' || c == 'O' || c == 'Q') {
        return Optional.of("contains " + c + ", which VINs never use");
      }
      int value = value(c);
      if (value < 0) {
        return Optional.of("contains '" + c + "'; only letters and digits are allowed");
      }
      sum += value * WEIGHTS[i];
    }
    int check = sum % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    if (vin.charAt(8) != expected) {
      return Optional.of(
          "fails its check digit (position 9 is " + vin.charAt(8) + ", expected " + expected + ")");
    }
    return Optional.empty();
  }

  /** The check digit a 17-character VIN should carry (for test data). */
  static char checkDigit(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(vin.charAt(i)) * WEIGHTS[i];
    }
    int check = sum % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return switch (c) {
      case 'A', 'J' -> 1;
      case 'B', 'K', 'S' -> 2;
      case 'C', 'L', 'T' -> 3;
      case 'D', 'M', 'U' -> 4;
      case 'E', 'N', 'V' -> 5;
      case 'F', 'W' -> 6;
      case 'G', 'P', 'X' -> 7;
      case 'H', 'Y' -> 8;
      case 'R', 'Z' -> 9;
      default -> -1;
    };
  }
}
