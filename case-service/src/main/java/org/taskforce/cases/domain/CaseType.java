package org.taskforce.cases.domain;

/** What a joint case is about. */
public enum CaseType {
  SEX_TRAFFICKING,
  LABOR_TRAFFICKING,
  SEX_AND_LABOR,
  OTHER
}
