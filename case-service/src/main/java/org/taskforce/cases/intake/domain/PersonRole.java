package org.taskforce.cases.intake.domain;

/** What a person described in a tip is thought to be. */
public enum PersonRole {
  POSSIBLE_VICTIM,
  POSSIBLE_TRAFFICKER,
  BUYER,
  WITNESS
}
