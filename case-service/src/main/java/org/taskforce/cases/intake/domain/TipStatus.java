package org.taskforce.cases.intake.domain;

/**
 * Triage: NEW → ASSIGNED → SCREENED → LINKED / CONVERTING → CONVERTED / REFERRED / CLOSED.
 * CONVERTING is a claim: one conversion took the tip out of triage and is writing its case; only
 * that conversion (its retry, or the sweep after a crash) moves it on, to CONVERTED.
 */
public enum TipStatus {
  NEW,
  ASSIGNED,
  SCREENED,
  LINKED,
  CONVERTED,
  REFERRED,
  CLOSED,
  CONVERTING;

  /** Still being triaged: it can be assigned, screened, linked, converted, referred, closed. */
  public boolean open() {
    return this == NEW || this == ASSIGNED || this == SCREENED;
  }
}
