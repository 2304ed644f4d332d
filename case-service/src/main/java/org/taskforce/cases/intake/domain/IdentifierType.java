package org.taskforce.cases.intake.domain;

/** Kinds of identifiers a tip names. */
public enum IdentifierType {
  PHONE,
  EMAIL,
  PLATE,
  HANDLE,
  URL,
  WALLET,
  IP_ADDRESS
}
