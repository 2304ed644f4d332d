package org.taskforce.cases.domain;

/** Where a case task stands. */
public enum TaskStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  CANCELLED
}
