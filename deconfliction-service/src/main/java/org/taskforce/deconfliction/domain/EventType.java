package org.taskforce.deconfliction.domain;

public enum EventType {
  SEARCH_WARRANT,
  ARREST,
  BUY_BUST,
  UNDERCOVER_MEETING,
  SURVEILLANCE,
  SWEEP,
  OTHER
}
