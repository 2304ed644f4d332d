package org.taskforce.cases.reporting.domain;

/** Which law a charge rests on, so state and federal trafficking charges can be told apart. */
public enum ChargeCategory {
  NONE,
  STATE_TRAFFICKING,
  FEDERAL_TRAFFICKING,
  OTHER
}
