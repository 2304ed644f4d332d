package org.taskforce.cases.intake.domain;

/** Where a tip came from. */
public enum TipSource {
  NHTH,
  STATE_HOTLINE,
  CYBERTIPLINE,
  CITIZEN,
  PARTNER_AGENCY,
  OFFICER_OBSERVATION
}
