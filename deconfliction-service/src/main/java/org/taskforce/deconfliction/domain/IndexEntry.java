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
    int agencyStart = s.indexOf('|');
    int payloadStart = s.indexOf('|', agencyStart + 1);
    return new IndexEntry(
        s.substring(0, agencyStart),
        s.substring(agencyStart + 1, payloadStart),
        s.substring(payloadStart + 1));
  }
}
