package org.taskforce.cases.reporting.domain;

/** A step of a subject's law-enforcement outcome history. */
public enum OutcomeKind {
  ARRESTED,
  CHARGED,
  PROSECUTED,
  CONVICTED,
  SENTENCED;

  /** Charges, convictions and sentences rest on a statute. */
  public boolean needsStatute() {
    return this == CHARGED || this == CONVICTED || this == SENTENCED;
  }
}
