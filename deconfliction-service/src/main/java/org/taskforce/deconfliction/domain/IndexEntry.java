package org.taskforce.deconfliction.domain;

/**
 * One registration under one index key, in the compact text form the index stores: {@code
 * ~<disclosure letter>|<registration id>|<agency id>|<payload>}, where the payload is the person
 * profile of a person key, the plan of an event key, and empty for exact keys.
 *
 * <p>Entries written before the index carried the registration's disclosure have the form {@code
 * <registration id>|<agency id>|<payload>} (a registration id never starts with {@code ~}); they
 * decode with a {@code null} disclosure — unknown, to be learned from the registration, never
 * guessed — and encode back to the same text, so that they can still be removed as written.
 *
 * @param disclosure the registration's disclosure when the entry was written; {@code null} for an
 *     entry of the old form
 */
public record IndexEntry(
    String registrationId, String agencyId, String payload, Disclosure disclosure) {
  private static final char MARK = '~';

  /** An entry whose disclosure is not known (the old form). */
  public IndexEntry(String registrationId, String agencyId, String payload) {
    this(registrationId, agencyId, payload, null);
  }

  public String encode() {
    String legacy = registrationId + "|" + agencyId + "|" + payload;
    return disclosure == null ? legacy : MARK + letter(disclosure) + "|" + legacy;
  }

  /** This entry as it was written before entries carried a disclosure. */
  public IndexEntry withoutDisclosure() {
    return new IndexEntry(registrationId, agencyId, payload, null);
  }

  public static IndexEntry decode(String s) {
    Disclosure disclosure = null;
    int start = 0;
    if (!s.isEmpty() && s.charAt(0) == MARK) {
      disclosure = fromLetter(s.charAt(1));
      start = s.indexOf('|') + 1;
    }
    int agencyStart = s.indexOf('|', start);
    int payloadStart = s.indexOf('|', agencyStart + 1);
    return new IndexEntry(
        s.substring(start, agencyStart),
        s.substring(agencyStart + 1, payloadStart),
        s.substring(payloadStart + 1),
        disclosure);
  }

  private static String letter(Disclosure d) {
    return switch (d) {
      case OPEN -> "O";
      case AGENCY_ONLY -> "A";
      case RESTRICTED -> "R";
    };
  }

  private static Disclosure fromLetter(char c) {
    return switch (c) {
      case 'O' -> Disclosure.OPEN;
      case 'A' -> Disclosure.AGENCY_ONLY;
      case 'R' -> Disclosure.RESTRICTED;
      default -> throw new IllegalArgumentException("unknown disclosure in index entry: " + c);
    };
  }
}
