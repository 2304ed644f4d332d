package org.taskforce.cases.domain;

/** Whether a victim is confirmed or potential; reports count the two separately. */
public enum VictimIdentification {
  POTENTIAL,
  CONFIRMED
}
