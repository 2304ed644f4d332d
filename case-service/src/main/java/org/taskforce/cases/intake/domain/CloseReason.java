package org.taskforce.cases.intake.domain;

/** Why a tip was closed. */
public enum CloseReason {
  NO_INDICATORS,
  INSUFFICIENT_INFORMATION,
  DUPLICATE,
  OUT_OF_JURISDICTION
}
