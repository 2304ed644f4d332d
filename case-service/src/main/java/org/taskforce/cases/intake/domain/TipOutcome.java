package org.taskforce.cases.intake.domain;

/** What the source of a tip can be told. */
public enum TipOutcome {
  PENDING,
  INVESTIGATION_OPENED,
  REFERRED,
  CLOSED
}
