package org.taskforce.cases.domain;

/** Where an agency stands on a case. */
public enum ParticipantStatus {
  INVITED,
  ACTIVE,
  DECLINED,
  REMOVED;

  /** Invited and active agencies know the case exists. */
  public boolean knowsCase() {
    return this == INVITED || this == ACTIVE;
  }
}
