package org.taskforce.cases.intake.domain;

/** Triage: NEW → ASSIGNED → SCREENED → LINKED / CONVERTED / REFERRED / CLOSED. */
public enum TipStatus {
  NEW,
  ASSIGNED,
  SCREENED,
  LINKED,
  CONVERTED,
  REFERRED,
  CLOSED;

  /** Still being triaged: it can be assigned, screened, linked, converted, referred, closed. */
  public boolean open() {
    return this == NEW || this == ASSIGNED || this == SCREENED;
  }
}
