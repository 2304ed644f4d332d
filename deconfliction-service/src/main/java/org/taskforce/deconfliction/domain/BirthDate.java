package org.taskforce.deconfliction.domain;

/**
 * A date of birth that may be partial: {@code month} and {@code day} are 0 when unknown, {@code
 * year} is 0 when the whole date is unknown.
 */
public record BirthDate(int year, int month, int day) {
  public static final BirthDate UNKNOWN = new BirthDate(0, 0, 0);

  public boolean known() {
    return year != 0;
  }

  public boolean complete() {
    return year != 0 && month != 0 && day != 0;
  }

  /** {@code yyyymmdd} with zeros for unknown parts, e.g. {@code 19880304} or {@code 19880000}. */
  public String compact() {
    if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
      return String.format("%04d%02d%02d", year, month, day);
    }
    // The same text without a Formatter: candidates' profiles are encoded on every comparison.
    char[] text = new char[8];
    digits(text, 0, year, 4);
    digits(text, 4, month, 2);
    digits(text, 6, day, 2);
    return new String(text);
  }

  private static void digits(char[] into, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  public static BirthDate parseCompact(String s) {
    if (s == null || s.length() != 8) {
      return UNKNOWN;
    }
    return new BirthDate(
        Integer.parseInt(s.substring(0, 4)),
        Integer.parseInt(s.substring(4, 6)),
        Integer.parseInt(s.substring(6, 8)));
  }

  @Override
  public String toString() {
    if (!known()) {
      return "unknown";
    }
    if (month == 0) {
      return String.format("%04d", year);
    }
    return day == 0
        ? String.format("%04d-%02d", year, month)
        : String.format("%04d-%02d-%02d", year, month, day);
  }
}
