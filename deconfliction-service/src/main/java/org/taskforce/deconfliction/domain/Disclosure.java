package org.taskforce.deconfliction.domain;

/** What a hit on a registration reveals to the asker (the pointer model). */
public enum Disclosure {
  /** Agency and point of contact. */
  OPEN,
  /** The agency's name only. */
  AGENCY_ONLY,
  /** Nothing; the owner is alerted and decides. */
  RESTRICTED
}
