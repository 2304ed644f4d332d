package org.taskforce.deconfliction.domain;

/** How two dates of birth agree, with the score and the reason a match shows for it. */
enum DobAgreement {
  EXACT(1.0, "date of birth identical"),
  SWAPPED(0.9, "date of birth with day and month swapped"),
  ONE_DIGIT(0.85, "date of birth differs in one digit"),
  YEAR_OFF_BY_ONE(0.85, "date of birth with the year off by one"),
  SWAPPED_AND_DIGIT(0.7, "date of birth with day and month swapped and one digit different"),
  PARTIAL(0.6, "date of birth agrees as far as both are known"),
  MISSING(0.5, "date of birth missing on one side"),
  CONTRADICTS(0.0, "date of birth differs");

  final double score;
  final String reason;

  DobAgreement(double score, String reason) {
    this.score = score;
    this.reason = reason;
  }

  boolean consistent() {
    return this == EXACT || this == SWAPPED || this == ONE_DIGIT || this == YEAR_OFF_BY_ONE;
  }

  /** How two dates of birth agree: exactly, with one slip, as far as both are known, or not. */
  static DobAgreement of(BirthDate a, BirthDate b) {
    if (!a.known() || !b.known()) {
      return DobAgreement.MISSING;
    }
    if (a.complete() && b.complete()) {
      if (a.equals(b)) {
        return DobAgreement.EXACT;
      }
      if (a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) {
        return DobAgreement.SWAPPED;
      }
      String asked = a.compact();
      String stored = b.compact();
      int diff = 0;
      for (int i = 0; i < asked.length(); i++) {
        if (asked.charAt(i) != stored.charAt(i)) {
          diff++;
        }
      }
      if (diff == 1 || NameTokens.transposition(asked, stored)) {
        return DobAgreement.ONE_DIGIT;
      }
      if (a.month() == b.month() && a.day() == b.day() && Math.abs(a.year() - b.year()) == 1) {
        return DobAgreement.YEAR_OFF_BY_ONE; // 1969 for 1970: two digits, one slip
      }
      String swapped = new BirthDate(b.year(), b.day(), b.month()).compact();
      int swappedDiff = 0;
      for (int i = 0; i < asked.length(); i++) {
        if (asked.charAt(i) != swapped.charAt(i)) {
          swappedDiff++;
        }
      }
      return swappedDiff == 1 ? DobAgreement.SWAPPED_AND_DIGIT : DobAgreement.CONTRADICTS;
    }
    if (a.year() != b.year()) {
      return DobAgreement.CONTRADICTS;
    }
    if (a.month() != 0 && b.month() != 0 && a.month() != b.month()) {
      return DobAgreement.CONTRADICTS;
    }
    return DobAgreement.PARTIAL;
  }
}
