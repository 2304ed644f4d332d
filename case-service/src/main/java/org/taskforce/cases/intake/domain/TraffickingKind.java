package org.taskforce.cases.intake.domain;

/** What kind of trafficking a tip suspects. */
public enum TraffickingKind {
  SEX,
  LABOR,
  BOTH,
  UNKNOWN
}
