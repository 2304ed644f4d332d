package org.taskforce.cases.domain;

/** A victim's citizenship as the reports break it down. */
public enum Citizenship {
  UNKNOWN,
  FOREIGN_NATIONAL,
  US_CITIZEN_OR_RESIDENT
}
