package org.taskforce.deconfliction.domain;

public enum RegistrationStatus {
  ACTIVE,
  EXPIRED,
  WITHDRAWN,
  CANCELLED
}
