package org.taskforce.cases.domain;

/** An agency's part in a case. Exactly one ACTIVE participant is LEAD. */
public enum ParticipantRole {
  LEAD,
  SUPPORTING,
  PROSECUTION,
  VICTIM_SERVICES
}
