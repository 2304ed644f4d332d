package org.taskforce.deconfliction.domain;

/** How sure a hit is: MATCH notifies both sides, POSSIBLE goes to a watch officer's review. */
public enum Tier {
  MATCH,
  POSSIBLE
}
