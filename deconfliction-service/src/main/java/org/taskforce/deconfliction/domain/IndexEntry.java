package org.taskforce.deconfliction.domain;

/**
 * One registration under one index key, in the compact text form the index stores: {@code
 * <registration id>|<agency id>|<payload>}, where the payload is the person profile of a person
 * key, the plan of an event key, and empty for exact keys.
 */
public record IndexEntry(String registrationId, String agencyId, String payload) {
  public String encode() {
    return registrationId + "|" + agencyId + "|" + payload;
  }

  public static IndexEntry decode(String s) {
    int a = s.indexOf('|');
    int b = s.indexOf('|', a + 1);
    return new IndexEntry(s.substring(0, a), s.substring(a + 1, b), s.substring(b + 1));
  }
}
